package org.sbi4j.samples.io.internal;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Finds the datasets of one open HDF5 file for {@link H5Reader} and checks each header against the
 * file's real size before anything is allocated, so that a truncated or forged header is an error
 * naming the dataset instead of an out-of-memory failure. Also builds the reader's error messages:
 * every one names the file and the dataset.
 */
final class H5Datasets {
  private final Path file;
  private final HdfFile h5;
  private final long fileSize;

  H5Datasets(Path file, HdfFile h5, long fileSize) {
    this.file = file;
    this.h5 = h5;
    this.fileSize = fileSize;
  }

  /** The dataset, checked against the file's real size before anything is allocated. */
  Dataset checked(String path) {
    try {
      return checkedUnguarded(path);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw corrupt(path, e);
    }
  }

  private Dataset checkedUnguarded(String path) {
    Dataset d = dataset(path);
    long elements = 1;
    for (long v : d.getDimensionsAsLong()) {
      if (v < 0) {
        throw new IllegalArgumentException(where(path) + " has a negative dimension");
      }
      elements = Math.multiplyHigh(elements, v) != 0 ? Long.MAX_VALUE : elements * v;
    }
    if (d instanceof ContiguousDataset c && !d.isEmpty()) {
      long bytes =
          elements == Long.MAX_VALUE ? Long.MAX_VALUE : elements * (long) d.getDataType().getSize();
      long address = c.getDataAddress();
      if (address < 0 || bytes > fileSize || address > fileSize - bytes) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s claims %d bytes at byte %d but the file has %d bytes; it is truncated or corrupt",
                where(path),
                bytes,
                address,
                fileSize));
      }
    } else if (elements == Long.MAX_VALUE
        || elements / 1100 * d.getDataType().getSize() > fileSize + (1L << 20)) {
      // compressed chunks expand at most ~1000-fold (gzip's limit is 1032:1)
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s claims %d elements, more than a %d-byte file can hold; the header is corrupt",
              where(path),
              elements,
              fileSize));
    }
    return d;
  }

  private Dataset dataset(String path) {
    Node node;
    try {
      node = h5.getByPath(path);
    } catch (HdfException e) {
      throw missing(path);
    } catch (RuntimeException e) {
      throw corrupt(path, e);
    }
    if (!(node instanceof Dataset d)) {
      throw new IllegalArgumentException(where(path) + " is a group, not a dataset");
    }
    return d;
  }

  /** Any failure of the HDF5 library while parsing means a damaged file. */
  IllegalArgumentException corrupt(String path, RuntimeException e) {
    return new IllegalArgumentException(
        "cannot read "
            + where(path)
            + ": the file is truncated or corrupt ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + ")");
  }

  IllegalArgumentException missing(String path) {
    return new IllegalArgumentException(
        file
            + " has no dataset '"
            + path
            + "'; write it or use a file in the expected layout (docs/formats.md)");
  }

  String where(String path) {
    return file + ": dataset '" + path + "'";
  }

  <T> T guard(String path, Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw corrupt(path, e);
    }
  }
}
