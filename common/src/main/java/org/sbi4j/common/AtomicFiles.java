package org.sbi4j.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes output files so that an interrupted run never leaves a half-written file: the content goes
 * to a temporary file beside the target, which is then renamed over it (atomically where the file
 * system allows). On failure the temporary file is deleted and the old target is untouched.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes a whole file to the path it is given. */
  @FunctionalInterface
  public interface Writer {
    void write(Path temporary) throws IOException;
  }

  /** Writes {@code target} through {@code writer} via a temporary file and a rename. */
  public static void write(Path target, Writer writer) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      requireReplaceable(abs);
      if (dir != null) {
        Files.createDirectories(dir);
      }
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      writer.write(tmp);
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        // temporary files are created owner-only; results are ordinary readable files
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      requireReplaceable(abs);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
      }
    }
  }

  /**
   * Refuses to rename over anything but a regular file (a device such as /dev/null, a FIFO, a
   * folder): the rename would replace the node itself, not write into it.
   */
  private static void requireReplaceable(Path target) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      throw new IOException(
          (Files.isDirectory(target) ? "it is a folder" : "it is not a regular file")
              + "; sbi4j only writes regular files");
    }
  }

  /** Writes bytes atomically. */
  public static void write(Path target, byte[] content) {
    write(
        target,
        tmp -> {
          try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(content);
          }
        });
  }

  /** Writes UTF-8 text atomically. */
  public static void writeString(Path target, String content) {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }
}
