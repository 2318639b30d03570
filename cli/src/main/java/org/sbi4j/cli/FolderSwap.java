package org.sbi4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes an output folder (a model folder) so that a failed run leaves the old one intact: the new
 * content goes into a temporary sibling folder, which then replaces the target by renames (old
 * aside, new in, old deleted). With {@code merge} (train --force into a folder that is not a model)
 * the new files are instead moved one by one into the existing folder, keeping its other files.
 */
final class FolderSwap {
  private FolderSwap() {}

  /** Refuses a non-empty folder that is not a model folder unless {@code force}. */
  static void requireReplaceable(String option, Path dir, boolean force) {
    if (force || !Files.isDirectory(dir) || Files.exists(dir.resolve("model.json"))) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      if (s.findAny().isPresent()) {
        throw new IllegalArgumentException(
            option
                + " "
                + dir
                + " is a non-empty folder that is not a model folder; choose an empty or new"
                + " folder, or add --force to write the model files into it");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code writer} on a temporary sibling of {@code dir}, then puts its content in place. */
  static void write(Path dir, Consumer<Path> writer) {
    Path abs = dir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    String name = abs.getFileName().toString();
    Path staged = null;
    Path old = null;
    try {
      staged = Files.createTempDirectory(parent, "." + name + ".sbi4j-new");
      try {
        writer.accept(staged);
      } catch (UncheckedIOException e) {
        // name the folder the user gave, not the hidden staging folder
        throw new UncheckedIOException(
            "cannot write " + dir + ": " + e.getCause().getMessage(), e.getCause());
      }
      boolean merge = Files.isDirectory(abs) && !Files.exists(abs.resolve("model.json"));
      if (merge) {
        try (Stream<Path> s = Files.list(staged)) {
          for (Path f : s.toList()) {
            Files.move(f, abs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      } else {
        if (Files.exists(abs)) {
          old = parent.resolve("." + name + ".sbi4j-old");
          deleteTree(old);
          Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
          Files.move(staged, abs, StandardCopyOption.ATOMIC_MOVE);
          staged = null;
        } catch (IOException e) {
          if (old != null) {
            Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
            old = null;
          }
          throw e;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(staged);
      deleteTree(old);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover hidden folder is the worst outcome; the run's own result is what counts
    }
  }
}
