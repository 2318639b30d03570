package org.sbi4j.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inputs and outputs of one command run, declared before any work (docs/cli.md, "Outputs").
 *
 * <p>{@link #check} refuses, before anything is read or written, an output that is one of the
 * inputs (same file after resolving links), an output that exists and is not a regular file (a
 * device, FIFO or folder: sbi4j never renames over one), and an output whose folder cannot be
 * created or written (probed by creating and deleting a temporary file). {@link #begin} creates the
 * missing folders, takes an exclusive lock beside every output ({@code .NAME.sbi4j-lock}, so that a
 * second run writing the same output is refused) and keeps a hard link to every output that already
 * exists. {@link #finish} then either drops those links (success) or restores the old files and
 * removes every file and folder this run created (failure), so a failed run leaves the outputs as
 * they were. The steps themselves still write each file atomically.
 */
final class Outputs {
  /** A command that declares its inputs and outputs; {@link Main} checks them before it runs. */
  interface Declaring {
    void declare(Outputs outputs);
  }

  private record Output(String option, Path file) {}

  private final Map<Path, String> inputs = new LinkedHashMap<>();
  private final List<Path> given = new ArrayList<>();
  private final List<Output> files = new ArrayList<>();
  private final Map<String, Path> folders = new LinkedHashMap<>();
  private final List<Path> createdFolders = new ArrayList<>();
  private final Map<Path, Path> backups = new LinkedHashMap<>();
  private final List<Path> absent = new ArrayList<>();
  private final List<Lock> locks = new ArrayList<>();

  private record Lock(Path file, FileChannel channel, FileLock lock) {}

  /** Declares an input file or folder ({@code null}: option not given). */
  Outputs input(String option, Path path) {
    if (path != null && Files.exists(path)) {
      inputs.put(key(path), option);
      if (!given.contains(path)) {
        given.add(path);
      }
    }
    return this;
  }

  /** The existing inputs declared, as given, in declaration order (for the provenance). */
  List<Path> inputs() {
    return List.copyOf(given);
  }

  /** Declares several inputs of one option. */
  Outputs inputs(String option, List<Path> paths) {
    for (Path p : paths) {
      input(option, p);
    }
    return this;
  }

  /** Declares an output file ({@code null}: option not given). */
  Outputs file(String option, Path path) {
    if (path != null) {
      files.add(new Output(option, path.toAbsolutePath().normalize()));
    }
    return this;
  }

  /** Declares the files {@code prefix + suffix} for each suffix (plots). */
  Outputs prefix(String option, Path prefix, String... suffixes) {
    if (prefix != null) {
      for (String s : suffixes) {
        file(option, prefix.resolveSibling(prefix.getFileName() + s));
      }
    }
    return this;
  }

  /** Declares --json unless it is absent or '-' (stdout). */
  Outputs json(String json) {
    return json == null || json.equals("-") ? this : file("--json", Path.of(json));
  }

  /**
   * Declares an output folder whose content the step manages itself (a model folder, a toys
   * folder): checked and locked, never cleaned up.
   */
  Outputs folder(String option, Path dir) {
    if (dir != null) {
      folders.put(option, dir.toAbsolutePath().normalize());
    }
    return this;
  }

  /** Refuses bad outputs before any work; changes nothing on disk. */
  void check() {
    for (Output o : files) {
      Path f = o.file();
      String input = inputs.get(key(f));
      if (input != null) {
        throw bad(o.option() + " " + f + " is the " + input + " input; choose another file");
      }
      insideInputFolder(o.option(), f);
      if (Files.exists(f) && !Files.isRegularFile(f)) {
        throw bad(
            o.option()
                + " "
                + f
                + (Files.isDirectory(f) ? " is a folder" : " is not a regular file")
                + "; sbi4j writes only regular files (choose a file name)");
      }
      writableFolder(o.option(), f.getParent());
    }
    for (Map.Entry<String, Path> e : folders.entrySet()) {
      Path d = e.getValue();
      String input = inputs.get(key(d));
      if (input != null) {
        throw bad(e.getKey() + " " + d + " is the " + input + " input; choose another folder");
      }
      if (Files.exists(d) && !Files.isDirectory(d)) {
        throw bad(e.getKey() + " " + d + " exists and is not a folder; choose a folder");
      }
      writableFolder(e.getKey(), Files.isDirectory(d) ? d : d.getParent());
    }
    for (int i = 0; i < files.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (key(files.get(i).file()).equals(key(files.get(j).file()))) {
          throw bad(
              files.get(i).option()
                  + " and "
                  + files.get(j).option()
                  + " both name "
                  + files.get(i).file()
                  + "; choose different files");
        }
      }
    }
  }

  /** Refuses an output file inside an input folder (a model folder would fail its hashes). */
  private void insideInputFolder(String option, Path f) {
    Path k = key(f);
    for (Map.Entry<Path, String> in : inputs.entrySet()) {
      if (k.startsWith(in.getKey()) && Files.isDirectory(in.getKey())) {
        throw bad(
            option
                + " "
                + f
                + " is inside the "
                + in.getValue()
                + " input folder "
                + in.getKey()
                + "; choose a file elsewhere");
      }
    }
  }

  /** Creates missing folders, locks every output and remembers what existed before the run. */
  void begin() {
    try {
      Map<Path, String> lockFiles = new TreeMap<>();
      for (Output o : files) {
        createFolders(o.file().getParent());
        lockFiles.put(lockFile(o.file()), o.option());
      }
      for (Map.Entry<String, Path> e : folders.entrySet()) {
        createFolders(e.getValue().getParent());
        lockFiles.put(lockFile(e.getValue()), e.getKey());
      }
      for (Map.Entry<Path, String> e : lockFiles.entrySet()) {
        lock(e.getKey(), e.getValue());
      }
      for (Output o : files) {
        Path f = o.file();
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
          absent.add(f);
        } else if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          Path backup = f.resolveSibling("." + f.getFileName() + ".sbi4j-old");
          Files.deleteIfExists(backup);
          try {
            Files.createLink(backup, f);
            backups.put(f, backup);
          } catch (IOException | UnsupportedOperationException e) {
            // Files.createLink throws this where the file system has no hard links: then a
            // failed run keeps the new file (no backup to restore), as documented in docs/cli.md
          }
        }
      }
    } catch (IOException e) {
      finish(false);
      throw bad("cannot prepare the outputs: " + e.getMessage());
    } catch (RuntimeException e) {
      finish(false);
      throw e;
    }
  }

  /** Ends the run: on failure restores the old outputs and removes what this run created. */
  void finish(boolean success) {
    for (Map.Entry<Path, Path> e : backups.entrySet()) {
      try {
        if (success) {
          Files.deleteIfExists(e.getValue());
        } else {
          Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException ignored) {
        // best effort: the run's own failure is the one reported
      }
    }
    backups.clear();
    if (!success) {
      for (Path f : absent) {
        deleteQuietly(f);
      }
    }
    absent.clear();
    for (int i = locks.size() - 1; i >= 0; i--) {
      Lock l = locks.get(i);
      deleteQuietly(l.file());
      try {
        l.lock().release();
        l.channel().close();
      } catch (IOException ignored) {
        // closing releases the lock in any case
      }
    }
    locks.clear();
    if (!success) {
      for (int i = createdFolders.size() - 1; i >= 0; i--) {
        deleteQuietly(createdFolders.get(i));
      }
    }
    createdFolders.clear();
  }

  private void lock(Path file, String option) throws IOException {
    while (true) {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw bad(
            "another sbi4j run is writing "
                + option
                + " in "
                + file.getParent()
                + " (lock "
                + file.getFileName()
                + "); wait for it or choose another output");
      }
      // the holder deletes the lock file before releasing it: ours counts only while the name
      // still points at the file we locked, which the token written into it tells
      String token = ProcessHandle.current().pid() + ":" + System.nanoTime() + "\n";
      ch.truncate(0);
      ch.write(java.nio.ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
      if (token.equals(readQuietly(file))) {
        locks.add(new Lock(file, ch, lock));
        return;
      }
      lock.release();
      ch.close();
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return null;
    }
  }

  private void createFolders(Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    for (Path d : missing) {
      Files.createDirectory(d);
      createdFolders.add(d);
    }
  }

  private static Path lockFile(Path output) {
    return output.resolveSibling("." + output.getFileName() + ".sbi4j-lock");
  }

  /** The folder exists or can be created, is a folder and takes a new file. */
  private static void writableFolder(String option, Path dir) {
    Path d = dir;
    while (d != null && !Files.exists(d)) {
      d = d.getParent();
    }
    if (d == null) {
      throw bad(option + ": no existing folder above " + dir);
    }
    if (!Files.isDirectory(d)) {
      throw bad(option + ": " + d + " is not a folder, so " + dir + " cannot be created");
    }
    try {
      Path probe = Files.createTempFile(d, ".sbi4j-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw bad(option + ": cannot write into " + d + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The path with links resolved; for a missing file its real folder plus its name. */
  private static Path key(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      Path parent = abs.getParent();
      return parent == null ? abs : key(parent).resolve(abs.getFileName());
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a folder someone else wrote into, or already gone
    }
  }

  private static IllegalArgumentException bad(String message) {
    return new IllegalArgumentException(message);
  }
}
