package org.sbi4j.inference.nplm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Provenance;
import org.sbi4j.inference.internal.ProvenanceFiles;

/**
 * A folder of finished NPLM toys, so that an interrupted run resumes from them: toy k's t is
 * written as {@code toy-k.t} (the double in hexadecimal, exact) as soon as the toy finishes, by
 * whichever task or executor ran it (on a cluster the folder must be on a shared file system).
 * {@code run.txt} records, one {@code name: value} line each, everything that determines a toy
 * (seed, toy source with a SHA-256 of the reference's content and N(0), training options; see
 * {@link NplmTest#key}); a folder written by a run with a different key is refused, naming what
 * differs, rather than mixed in. {@code provenance.json} records the provenance of the run that
 * made the folder (docs/formats.md §17.1), {@code resumptions.json} that of each run that resumed
 * it (the key guarantees their toys agree; the build, command line and time may differ).
 */
final class ToyStore {
  private static final Pattern TOY = Pattern.compile("toy-(\\d+)\\.t");
  private static final String RUN = "run.txt";

  /** The provenance of the run that made the folder (docs/formats.md §12, §17). */
  static final String PROVENANCE = "provenance.json";

  /** The provenance of every later run that resumed it, oldest first. */
  static final String RESUMPTIONS = "resumptions.json";

  private ToyStore() {}

  /**
   * Opens (creating) {@code dir} for the run described by {@code key} and returns the t of the toys
   * already finished there, by toy index.
   */
  static Map<Long, Double> open(Path dir, Map<String, String> key) {
    try {
      Files.createDirectories(dir);
      Path run = dir.resolve(RUN);
      if (!Files.exists(run)) {
        StringBuilder sb = new StringBuilder();
        key.forEach((name, value) -> sb.append(name).append(": ").append(value).append('\n'));
        // provenance first: run.txt marks a folder as made, so a run cut off between the two
        // leaves a folder that the next run makes again, provenance included
        ProvenanceFiles.write(dir.resolve(PROVENANCE), Provenance.current());
        AtomicFiles.writeString(run, sb.toString());
      } else {
        String differs = differences(parse(Files.readString(run)), key);
        if (!differs.isEmpty()) {
          throw new InvalidValueException(
              "toysDir",
              "toys folder "
                  + dir
                  + " holds toys of another run ("
                  + differs
                  + "); give a new toys folder (or rerun with the options the folder was made with)");
        }
        ProvenanceFiles.append(dir.resolve(RESUMPTIONS), Provenance.current());
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

  private static Map<String, String> parse(String text) {
    Map<String, String> recorded = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        recorded.put(line.substring(0, colon), line.substring(colon + 2).strip());
      }
    }
    return recorded;
  }

  /** What differs between the folder's key and this run's, as "name: A in the folder, B now". */
  private static String differences(Map<String, String> recorded, Map<String, String> key) {
    List<String> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(key.keySet());
    names.addAll(recorded.keySet());
    for (String name : names) {
      String was = recorded.get(name);
      String now = key.get(name);
      if (!Objects.equals(was, now)) {
        out.add(
            name
                + ": "
                + (was == null ? "not recorded" : was)
                + " in the folder, "
                + (now == null ? "none" : now)
                + " now");
      }
    }
    return String.join("; ", out);
  }

  /** Records toy k's t in {@code dir} (atomically: a toy file is complete or absent). */
  static void save(String dir, long k, double t) {
    AtomicFiles.writeString(Path.of(dir).resolve("toy-" + k + ".t"), Double.toHexString(t) + "\n");
  }
}
