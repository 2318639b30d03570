package org.sbi4j.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 digests of files and folders, read in a stream (a file of any size is hashed in constant
 * memory).
 */
public final class Sha256 {
  private Sha256() {}

  /** SHA-256 of a file's bytes, lower-case hex (as {@code sha256sum} prints it). */
  public static String file(Path file) {
    MessageDigest md = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to hash it: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * SHA-256 of a folder: of the UTF-8 text made of one line {@code RELATIVE_PATH SPACE SPACE
   * FILE_SHA256 NEWLINE} per regular file below it (paths with '/', sorted), hex. This is what
   * {@code (cd DIR && find . -type f | sed 's|^./||' | LC_ALL=C sort | xargs sha256sum)} lists,
   * with the two columns swapped, so a change to any file, its name or the set of files changes it.
   */
  public static String folder(Path dir) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> names.add(dir.relativize(f).toString().replace('\\', '/')));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + " to hash it: " + e.getMessage(), e);
    }
    names.sort(null);
    MessageDigest md = digest();
    for (String name : names) {
      md.update((name + "  " + file(dir.resolve(name)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** {@link #folder} for a folder, {@link #file} otherwise. */
  public static String of(Path path) {
    return Files.isDirectory(path) ? folder(path) : file(path);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
