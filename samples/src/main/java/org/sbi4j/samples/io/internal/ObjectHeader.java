package org.sbi4j.samples.io.internal;

import io.jhdf.checksum.ChecksumUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A dataset's version-2 object header ("OHDR") as jhdf writes it, in one chunk, read whole so that
 * messages can be patched in place: signature, version 2, flags, optional times and attribute
 * limits, the chunk size (1, 2, 4 or 8 bytes), then messages of type (1 byte), size (2), flags (1),
 * optional creation order (2) and data, then the Jenkins lookup3 checksum of everything before it.
 */
final class ObjectHeader {
  private final long address;
  private final ByteBuffer bytes;
  private final int start;
  private final int total;
  private final boolean creationOrder;

  private ObjectHeader(
      long address, ByteBuffer bytes, int start, int total, boolean creationOrder) {
    this.address = address;
    this.bytes = bytes;
    this.start = start;
    this.total = total;
    this.creationOrder = creationOrder;
  }

  /** The header at {@code address}; anything but a version-2 header is an {@link IOException}. */
  static ObjectHeader read(FileChannel ch, long address, String path) throws IOException {
    ByteBuffer head = AsciiStringPatch.read(ch, address, 16);
    if (head.getInt(0) != 0x5244484F || head.get(4) != 2) {
      throw new IOException(path + ": object header is not a version-2 OHDR header");
    }
    int flags = head.get(5) & 0xFF;
    int pos = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
    int sizeBytes = 1 << (flags & 0x03);
    ByteBuffer sizeBuf = AsciiStringPatch.read(ch, address + pos, sizeBytes);
    long chunkSize = 0;
    for (int k = 0; k < sizeBytes; k++) {
      chunkSize |= (long) (sizeBuf.get(k) & 0xFF) << (8 * k);
    }
    int start = pos + sizeBytes;
    int total = (int) (start + chunkSize);
    return new ObjectHeader(
        address, AsciiStringPatch.read(ch, address, total + 4), start, total, (flags & 0x04) != 0);
  }

  /** The header's bytes (little-endian), to patch at the offsets {@link #find} gives. */
  ByteBuffer bytes() {
    return bytes;
  }

  /** The offset of the data of the first message of {@code type}, or −1 when there is none. */
  int find(int type) {
    int p = start;
    while (p + 4 <= total) {
      int t = bytes.get(p) & 0xFF;
      int size = bytes.getShort(p + 1) & 0xFFFF;
      int data = p + 4 + (creationOrder ? 2 : 0);
      if (t == type) {
        return data;
      }
      p = data + size;
    }
    return -1;
  }

  /** Recomputes the checksum and writes the header back where it was read. */
  void write(FileChannel ch) throws IOException {
    byte[] covered = new byte[total];
    bytes.get(0, covered);
    bytes.putInt(total, ChecksumUtils.checksum(covered));
    bytes.rewind();
    while (bytes.hasRemaining()) {
      ch.write(bytes, address + bytes.position());
    }
  }
}
