package org.sbi4j.samples.io.internal;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns jhdf's fixed-length UTF-8, null-terminated string datatypes into ASCII, null-padded ones
 * (what numpy's {@code S256} and MadMiner write), in place.
 *
 * <p>jhdf writes each dataset's object header as a version-2 header ("OHDR") in one chunk. The
 * datatype message (type 3) of a string starts with the byte 0x13 (version 1, class 3) followed by
 * the class bit field, whose low nibble is the padding and high nibble the charset. The patch sets
 * that byte to 0x01 (null-padded, ASCII) and recomputes the header's Jenkins lookup3 checksum.
 * Anything unexpected in the header is an {@link IOException}; nothing is patched blindly.
 */
final class AsciiStringPatch {
  private static final int DATATYPE_MESSAGE = 3;
  private static final byte STRING_CLASS_V1 = 0x13;
  private static final byte NULLPAD_ASCII = 0x01;

  private AsciiStringPatch() {}

  static void apply(Path file, List<String> datasets) throws IOException {
    if (datasets.isEmpty()) {
      return;
    }
    List<Long> addresses = new ArrayList<>();
    try (HdfFile h5 = new HdfFile(file)) {
      for (String path : datasets) {
        addresses.add(h5.getDatasetByPath(path).getAddress());
      }
    }
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      for (int i = 0; i < datasets.size(); i++) {
        patchHeader(ch, addresses.get(i), datasets.get(i));
      }
    }
  }

  private static void patchHeader(FileChannel ch, long address, String path) throws IOException {
    ObjectHeader header = ObjectHeader.read(ch, address, path);
    int data = header.find(DATATYPE_MESSAGE);
    if (data < 0) {
      throw new IOException(path + ": no datatype message in the object header");
    }
    if (header.bytes().get(data) != STRING_CLASS_V1) {
      throw new IOException(path + ": datatype is not a version-1 string");
    }
    header.bytes().put(data + 1, NULLPAD_ASCII);
    header.write(ch);
  }

  /** {@code n} little-endian bytes of the file at byte {@code at}. */
  static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        throw new IOException("unexpected end of file at byte " + (at + b.position()));
      }
    }
    b.flip();
    return b;
  }
}
