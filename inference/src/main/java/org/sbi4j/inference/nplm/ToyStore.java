package org.sbi4j.inference.nplm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.InvalidValueException;

/**
 * A folder of finished NPLM toys, so that an interrupted run resumes from them: toy k's t is
 * written as {@code toy-k.t} (the double in hexadecimal, exact) as soon as the toy finishes, by
 * whichever task or executor ran it (on a cluster the folder must be on a shared file system).
 * {@code run.txt} records what the toys were run with (seed and training config); a folder written
 * by a different run is refused rather than mixed in.
 */
final class ToyStore {
  private static final Pattern TOY = Pattern.compile("toy-(\\d+)\\.t");
  private static final String RUN = "run.txt";

  private ToyStore() {}

  /**
   * Opens (creating) {@code dir} for the run described by {@code fingerprint} and returns the t of
   * the toys already finished there, by toy index.
   */
  static Map<Long, Double> open(Path dir, String fingerprint) {
    try {
      Files.createDirectories(dir);
      Path run = dir.resolve(RUN);
      if (!Files.exists(run)) {
        AtomicFiles.writeString(run, fingerprint + "\n");
      } else if (!Files.readString(run).strip().equals(fingerprint)) {
        throw new InvalidValueException(
            "toysDir",
            "toys folder "
                + dir
                + " holds toys of another run ("
                + Files.readString(run).strip()
                + "); give a new toys folder or the same seed and training options");
      }
      Map<Long, Double> done = new TreeMap<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Matcher m = TOY.matcher(f.getFileName().toString());
          if (m.matches()) {
            done.put(Long.parseLong(m.group(1)), Double.parseDouble(Files.readString(f).strip()));
          }
        }
      }
      return done;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use toys folder " + dir + ": " + e.getMessage(), e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "toys folder "
              + dir
              + " has a damaged toy file ("
              + e.getMessage()
              + "); delete it to rerun that toy");
    }
  }

  /** Records toy k's t in {@code dir} (atomically: a toy file is complete or absent). */
  static void save(String dir, long k, double t) {
    AtomicFiles.writeString(Path.of(dir).resolve("toy-" + k + ".t"), Double.toHexString(t) + "\n");
  }
}
