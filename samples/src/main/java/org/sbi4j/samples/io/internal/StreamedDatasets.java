package org.sbi4j.samples.io.internal;

import io.jhdf.HdfFile;
import io.jhdf.checksum.ChecksumUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Large contiguous datasets written row block by row block, so that a file far larger than the heap
 * can be written with jhdf 0.13 (which holds every dataset in memory until the file closes).
 *
 * <p>jhdf writes each streamed dataset as a one-row placeholder. Afterwards the file is patched in
 * place: the dataset's version-2 object header ("OHDR") gets the real row count in its dataspace
 * message (type 1, version 2: version, rank, flags, type, then 8-byte dimensions) and the address
 * and size of a region at the end of the file in its contiguous data-layout message (type 8,
 * version 3, class 1: address and size, 8 bytes each); the header's Jenkins lookup3 checksum is
 * recomputed, as is the version-2/3 superblock's after its end-of-file address is moved past the
 * regions. The callback then fills the regions at any row order. Anything unexpected in a header is
 * an {@link IOException}; nothing is patched blindly.
 */
public final class StreamedDatasets {
  private static final int DATASPACE_MESSAGE = 1;
  private static final int LAYOUT_MESSAGE = 8;

  private StreamedDatasets() {}

  /**
   * One streamed dataset.
   *
   * @param path its path in the file
   * @param rows its rows
   * @param cols its columns; 0 for a one-dimensional dataset
   * @param integer int64 rather than float64
   */
  public record Spec(String path, long rows, int cols, boolean integer) {
    public Spec {
      if (rows <= 0 || cols < 0) {
        throw new IllegalArgumentException(path + ": a streamed dataset needs rows ≥ 1");
      }
    }

    int width() {
      return Math.max(cols, 1);
    }
  }

  /** The region of one streamed dataset in the file. */
  public static final class Region {
    private final FileChannel channel;
    private final long address;
    private final Spec spec;

    Region(FileChannel channel, long address, Spec spec) {
      this.channel = channel;
      this.address = address;
      this.spec = spec;
    }

    /** Writes rows [row, row + count) of a float64 dataset from row-major values. */
    public void write(long row, double[] values, int count) throws IOException {
      check(row, count);
      int w = spec.width();
      for (int done = 0; done < count; ) {
        int n = Math.min(count - done, rowsPerBuffer());
        ByteBuffer b = ByteBuffer.allocate(n * w * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values, done * w, n * w);
        put(b, row + done);
        done += n;
      }
    }

    /** Writes rows [row, row + count) of an int64 dataset. */
    public void write(long row, long[] values, int count) throws IOException {
      check(row, count);
      int w = spec.width();
      for (int done = 0; done < count; ) {
        int n = Math.min(count - done, rowsPerBuffer());
        ByteBuffer b = ByteBuffer.allocate(n * w * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values, done * w, n * w);
        put(b, row + done);
        done += n;
      }
    }

    /** Rows per write: about 1 MiB, so that writing holds no second copy of a bucket. */
    private int rowsPerBuffer() {
      return Math.max(1, (1 << 20) / (spec.width() * 8));
    }

    private void check(long row, int count) {
      if (row < 0 || row + count > spec.rows()) {
        throw new IllegalArgumentException(
            spec.path() + ": rows [" + row + ", " + (row + count) + ") outside " + spec.rows());
      }
    }

    private void put(ByteBuffer b, long row) throws IOException {
      long at = address + row * spec.width() * 8L;
      while (b.hasRemaining()) {
        at += channel.write(b, at);
      }
    }
  }

  /** What fills the regions, one per spec in the order given. */
  @FunctionalInterface
  public interface Filler {
    void fill(List<Region> regions) throws IOException;
  }

  /**
   * Writes {@code target} atomically: {@code body} writes the small datasets, each spec gets a
   * one-row placeholder that is then grown in place, and {@code filler} writes the rows.
   */
  public static void write(Path target, H5Writer.Body body, List<Spec> specs, Filler filler) {
    H5Writer.write(
        target,
        out -> {
          body.write(out);
          for (Spec s : specs) {
            if (s.integer()) {
              if (s.cols() == 0) {
                out.longs(s.path(), new long[1]);
              } else {
                out.longMatrix(s.path(), new long[1][s.cols()]);
              }
            } else if (s.cols() == 0) {
              out.doubles(s.path(), new double[1]);
            } else {
              out.matrix(s.path(), new double[1][s.cols()]);
            }
          }
        },
        tmp -> grow(tmp, specs, filler));
  }

  private static void grow(Path file, List<Spec> specs, Filler filler) throws IOException {
    List<Long> headers = new ArrayList<>();
    try (HdfFile h5 = new HdfFile(file)) {
      for (Spec s : specs) {
        headers.add(h5.getDatasetByPath(s.path()).getAddress());
      }
    }
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long end = (ch.size() + 7) / 8 * 8;
      List<Region> regions = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        Spec s = specs.get(i);
        long bytes = Math.multiplyExact(s.rows(), s.width() * 8L);
        patchHeader(ch, headers.get(i), s, end, bytes);
        regions.add(new Region(ch, end, s));
        end += bytes;
      }
      patchSuperblock(ch, end);
      // extend the file to its full length at once; the filler writes every byte of the regions
      ch.write(ByteBuffer.wrap(new byte[1]), end - 1);
      filler.fill(regions);
    }
  }

  private static void patchHeader(FileChannel ch, long address, Spec s, long at, long bytes)
      throws IOException {
    ObjectHeader header = ObjectHeader.read(ch, address, s.path());
    ByteBuffer b = header.bytes();
    int space = header.find(DATASPACE_MESSAGE);
    int layout = header.find(LAYOUT_MESSAGE);
    if (space < 0 || layout < 0) {
      throw new IOException(s.path() + ": no dataspace or layout message in the object header");
    }
    int rank = b.get(space + 1);
    if (b.get(space) != 2 || rank != (s.cols() == 0 ? 1 : 2)) {
      throw new IOException(s.path() + ": unexpected dataspace message");
    }
    b.putLong(space + 4, s.rows());
    if ((b.get(space + 2) & 1) != 0) {
      b.putLong(space + 4 + 8 * rank, s.rows());
    }
    if (b.get(layout) != 3 || b.get(layout + 1) != 1) {
      throw new IOException(s.path() + ": layout is not a version-3 contiguous layout");
    }
    b.putLong(layout + 2, at);
    b.putLong(layout + 10, bytes);
    header.write(ch);
  }

  private static void patchSuperblock(FileChannel ch, long end) throws IOException {
    ByteBuffer sb = AsciiStringPatch.read(ch, 0, 48);
    int version = sb.get(8);
    if ((version != 2 && version != 3) || sb.get(9) != 8 || sb.get(10) != 8) {
      throw new IOException("superblock is not version 2/3 with 8-byte offsets");
    }
    sb.putLong(28, end);
    byte[] covered = new byte[44];
    sb.get(0, covered);
    sb.putInt(44, ChecksumUtils.checksum(covered));
    sb.rewind();
    while (sb.hasRemaining()) {
      ch.write(sb, sb.position());
    }
  }
}
