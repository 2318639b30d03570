package org.sbi4j.samples.io.internal;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads an HDF5 file defensively: checks the signature, names every missing or malformed dataset,
 * refuses datasets whose header claims more bytes than the file holds, and reads row ranges of
 * large 1- and 2-dimensional datasets without loading them whole (contiguous float64 directly from
 * the file channel; chunked and compressed ones through jhdf's slicing).
 *
 * <p>Every failure is an {@link IllegalArgumentException} naming the file and the dataset.
 */
public final class H5Reader implements AutoCloseable {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  /** Largest dataset read whole (strings, setup arrays), in elements. */
  private static final long MAX_WHOLE = 50_000_000L;

  private final Path file;
  private final HdfFile h5;
  private final FileChannel channel;
  private final long fileSize;
  private final H5Datasets datasets;

  private H5Reader(Path file, HdfFile h5, FileChannel channel, long fileSize) {
    this.file = file;
    this.h5 = h5;
    this.channel = channel;
    this.fileSize = fileSize;
    this.datasets = new H5Datasets(file, h5, fileSize);
  }

  /** Opens {@code file}; a missing, non-HDF5 or unreadable file is an error saying which. */
  public static H5Reader open(Path file) {
    try {
      long size = Files.size(file);
      byte[] head = new byte[8];
      try (InputStream in = Files.newInputStream(file)) {
        if (in.readNBytes(head, 0, 8) != 8 || !Arrays.equals(head, SIGNATURE)) {
          throw new IllegalArgumentException(
              file
                  + " is not an HDF5 file (no HDF5 signature); "
                  + "pass an .h5 file in MadMiner's layout");
        }
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
      try {
        return new H5Reader(file, new HdfFile(file), ch, size);
      } catch (RuntimeException e) {
        ch.close();
        throw new IllegalArgumentException(file + " is truncated or corrupt: " + e.getMessage());
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }

  public Path file() {
    return file;
  }

  /** The provenance sbi4j recorded in the file ({@link H5Provenance}), if any. */
  public java.util.Optional<org.sbi4j.common.Provenance> provenance() {
    try {
      return H5Provenance.read(h5);
    } catch (RuntimeException e) {
      throw datasets.corrupt("the sbi4j_* provenance attributes", e);
    }
  }

  /** True when {@code path} names a dataset. */
  public boolean has(String path) {
    try {
      return h5.getByPath(path) instanceof Dataset;
    } catch (HdfException e) {
      return false;
    } catch (RuntimeException e) {
      throw datasets.corrupt(path, e);
    }
  }

  /** The first of {@code paths} that exists (for names that changed between versions). */
  public String first(String... paths) {
    for (String p : paths) {
      if (has(p)) {
        return p;
      }
    }
    throw datasets.missing(String.join("' or '", paths));
  }

  /** Dimensions of a dataset. */
  public long[] dims(String path) {
    return datasets.checked(path).getDimensionsAsLong();
  }

  /** Number of rows (first dimension; 1 for a scalar). */
  public long rows(String path) {
    long[] d = dims(path);
    return d.length == 0 ? 1 : d[0];
  }

  /** Columns of a 2-D dataset, 1 for a 1-D one. */
  public int columns(String path) {
    long[] d = dims(path);
    if (d.length > 2) {
      throw new IllegalArgumentException(
          datasets.where(path) + " has " + d.length + " dimensions; expected at most 2");
    }
    return d.length == 2 ? Math.toIntExact(d[1]) : 1;
  }

  /** True when {@code path} names a dataset of strings. */
  public boolean isStrings(String path) {
    Dataset d = datasets.checked(path);
    return d.getDataType() instanceof StringData || d.isVariableLength();
  }

  /** True when {@code path} names a dataset of floats or integers. */
  public boolean isNumeric(String path) {
    Dataset d = datasets.checked(path);
    return !d.isVariableLength()
        && (d.getDataType() instanceof FloatingPoint || d.getDataType() instanceof FixedPoint);
  }

  /** A 1-D dataset of fixed- or variable-length strings, trimmed of padding. */
  public String[] strings(String path) {
    Dataset d = datasets.checked(path);
    if (!(d.getDataType() instanceof StringData) && !d.isVariableLength()) {
      throw new IllegalArgumentException(
          datasets.where(path)
              + " holds "
              + d.getJavaType().getSimpleName()
              + " values, not strings");
    }
    requireSmall(path, d);
    Object data = datasets.guard(path, d::getDataFlat);
    int n = Array.getLength(data);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      Object v = Array.get(data, i);
      String s =
          v instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII) : String.valueOf(v);
      int end = s.indexOf('\0');
      out[i] = (end >= 0 ? s.substring(0, end) : s).trim();
    }
    return out;
  }

  /** An integer dataset (any width), flattened. */
  public long[] longs(String path) {
    Dataset d = datasets.checked(path);
    if (!(d.getDataType() instanceof FixedPoint)) {
      throw new IllegalArgumentException(
          datasets.where(path)
              + " holds "
              + d.getJavaType().getSimpleName()
              + " values; integers are expected");
    }
    requireSmall(path, d);
    Object data = datasets.guard(path, d::getDataFlat);
    if (!data.getClass().isArray()) {
      return new long[] {((Number) data).longValue()};
    }
    int n = Array.getLength(data);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = ((Number) Array.get(data, i)).longValue();
    }
    return out;
  }

  /** A numeric dataset (floats or integers), flattened row-major. */
  public double[] doubles(String path) {
    long n = rows(path);
    return rows(path, 0, Math.toIntExact(n));
  }

  /**
   * Rows [from, from + count) of a numeric 1-D or 2-D dataset, row-major, without reading the rest.
   */
  public double[] rows(String path, long from, int count) {
    return rows(path, from, count, null);
  }

  /**
   * As {@link #rows(String, long, int)}, into {@code into} when it is not null (it must hold count
   * × columns values); returns the array filled.
   */
  public double[] rows(String path, long from, int count, double[] into) {
    Dataset d = datasets.checked(path);
    long[] dims = d.getDimensionsAsLong();
    long n = dims.length == 0 ? 1 : dims[0];
    int cols = columns(path);
    if (from < 0 || count < 0 || from + count > n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: rows [%d, %d) outside its %d rows",
              datasets.where(path),
              from,
              from + count,
              n));
    }
    double[] out = into != null ? into : new double[Math.multiplyExact(count, cols)];
    if (count == 0) {
      return out;
    }
    if (d.isScalar()) {
      Object v = datasets.guard(path, d::getDataFlat);
      out[0] = ((Number) (v.getClass().isArray() ? Array.get(v, 0) : v)).doubleValue();
      return out;
    }
    if (d instanceof ContiguousDataset c
        && d.getDataType() instanceof FloatingPoint f
        && f.getSize() == 8
        && f.getByteOrder() == ByteOrder.LITTLE_ENDIAN) {
      readContiguous(path, c.getDataAddress() + from * cols * 8L, out, count * cols);
      return out;
    }
    if (d instanceof ContiguousDataset c
        && d.getDataType() instanceof FixedPoint f
        && f.getSize() == 8
        && f.getByteOrder() == ByteOrder.LITTLE_ENDIAN
        && f.isSigned()) {
      readContiguous(path, c.getDataAddress() + from * cols * 8L, out, count * cols);
      for (int k = 0; k < count * cols; k++) {
        out[k] = Double.doubleToRawLongBits(out[k]);
      }
      return out;
    }
    if (!(d.getDataType() instanceof FloatingPoint) && !(d.getDataType() instanceof FixedPoint)) {
      throw new IllegalArgumentException(
          datasets.where(path)
              + " holds "
              + d.getJavaType().getSimpleName()
              + " values; numbers are expected");
    }
    long[] offset = dims.length == 2 ? new long[] {from, 0} : new long[] {from};
    int[] shape = dims.length == 2 ? new int[] {count, cols} : new int[] {count};
    Object data = datasets.guard(path, () -> d.getData(offset, shape));
    int k = 0;
    for (int i = 0; i < count; i++) {
      Object row = Array.get(data, i);
      if (dims.length == 2) {
        for (int j = 0; j < cols; j++) {
          out[k++] = ((Number) Array.get(row, j)).doubleValue();
        }
      } else {
        out[k++] = ((Number) row).doubleValue();
      }
    }
    return out;
  }

  private void requireSmall(String path, Dataset d) {
    if (d.getSize() > MAX_WHOLE) {
      throw new IllegalArgumentException(
          datasets.where(path)
              + " has "
              + d.getSize()
              + " entries; a setup or name list that large means a corrupt file");
    }
  }

  /** Copies {@code values} little-endian doubles at byte {@code at} through a mapped view. */
  private void readContiguous(String path, long at, double[] out, int values) {
    long bytes = values * 8L;
    if (at + bytes > fileSize) {
      throw new IllegalArgumentException(
          datasets.where(path) + " ends early; the file is truncated");
    }
    try {
      MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, at, bytes);
      map.order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out, 0, values);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + datasets.where(path) + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      h5.close();
    } catch (HdfException e) {
      // nothing was written; a failure to release a read-only file changes no result
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        // as above
      }
    }
  }
}
