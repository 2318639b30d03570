package org.sbi4j.samples.io;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sbi4j.common.AtomicFiles;

/**
 * Child JVM for {@link KillDuringWriteTest}: rewrites the file named by its argument through {@link
 * AtomicFiles} with ~2 GB of bytes 'N', slowly enough to be killed mid-write. Prints "writing" once
 * the first bytes are out.
 */
public final class KillWriterChild {
  private KillWriterChild() {}

  /** Entry point: {@code KillWriterChild TARGET}. */
  public static void main(String[] args) {
    AtomicFiles.write(
        Path.of(args[0]),
        tmp -> {
          byte[] block = new byte[1 << 16];
          java.util.Arrays.fill(block, (byte) 'N');
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            for (int i = 0; i < 32_768; i++) {
              out.write(block);
              out.flush();
              if (i == 16) {
                System.out.println("writing");
                System.out.flush();
              }
            }
          }
        });
  }
}
