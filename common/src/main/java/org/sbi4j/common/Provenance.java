package org.sbi4j.common;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a file sbi4j wrote came from: the build that wrote it, the command line, the seeds, the
 * SHA-256 of every input, and when. Every writer records it (docs/formats.md §17): HDF5 files as
 * root attributes {@code sbi4j_*}, JSON results as their top-level {@code provenance} object, model
 * folders as {@code provenance.json}.
 *
 * <p>The command line sets the run's provenance once ({@link #setCurrent}) before any work; the
 * writers take {@link #current()}. A program using sbi4j as a library gets one without command
 * line, seeds or inputs unless it sets its own. It is serializable, so that tasks run on a cluster
 * carry the driver's provenance into what they write.
 *
 * @param tool always "sbi4j"
 * @param version sbi4j's version ({@link BuildInfo})
 * @param commit git commit sbi4j was built from, or "unknown"
 * @param dirty whether that build had uncommitted changes ("true", "false" or "unknown")
 * @param commandLine the arguments of the run, program name first (empty for library use)
 * @param seeds every seed of the run by name (the option without its dashes, e.g. "seed")
 * @param inputs the files and folders read, in the order declared, with their SHA-256
 * @param runtime the JVM and operating system (and, for models, the ND4J backend)
 * @param createdAt ISO-8601 UTC time the run started
 */
public record Provenance(
    String tool,
    String version,
    String commit,
    String dirty,
    List<String> commandLine,
    Map<String, Long> seeds,
    List<Input> inputs,
    Map<String, String> runtime,
    String createdAt)
    implements java.io.Serializable {

  /** The tool name recorded. */
  public static final String TOOL = "sbi4j";

  /**
   * One input.
   *
   * @param path the path as given on the command line
   * @param sha256 SHA-256 of the file, or of the folder as {@link Sha256#folder} defines it
   */
  public record Input(String path, String sha256) implements java.io.Serializable {
    /** Hashes {@code path} (a file or a folder) now. */
    public static Input of(Path path) {
      return new Input(path.toAbsolutePath().normalize().toString(), Sha256.of(path));
    }
  }

  private static volatile Provenance current;

  /** Copies the collections (null: empty) so that a provenance never changes once made. */
  public Provenance {
    commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    seeds =
        seeds == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    runtime =
        runtime == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runtime));
  }

  /** A provenance of the running build, now, with the given run details. */
  public static Provenance of(
      List<String> commandLine, Map<String, Long> seeds, List<Input> inputs) {
    BuildInfo b = BuildInfo.current();
    Map<String, String> runtime = new LinkedHashMap<>();
    runtime.put(
        "java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    runtime.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    return new Provenance(
        TOOL,
        b.version(),
        b.commit(),
        b.dirty(),
        commandLine,
        seeds,
        inputs,
        runtime,
        Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
  }

  /** The provenance of the current run (set by the command line), or a library one made now. */
  public static Provenance current() {
    Provenance p = current;
    return p != null ? p : of(List.of(), Map.of(), List.of());
  }

  /** Sets the provenance of the current run ({@code null}: none). */
  public static void setCurrent(Provenance p) {
    current = p;
  }

  /** This provenance with more seeds (added after the existing ones, replacing equal names). */
  public Provenance withSeeds(Map<String, Long> more) {
    Map<String, Long> s = new LinkedHashMap<>(seeds);
    s.putAll(more);
    return new Provenance(tool, version, commit, dirty, commandLine, s, inputs, runtime, createdAt);
  }

  /** This provenance with one more input, unless one with the same path is recorded already. */
  public Provenance withInput(Path path) {
    for (Input in : inputs) {
      if (in.path().equals(path.toAbsolutePath().normalize().toString())) {
        return this;
      }
    }
    List<Input> all = new ArrayList<>(inputs);
    all.add(Input.of(path));
    return new Provenance(
        tool, version, commit, dirty, commandLine, seeds, all, runtime, createdAt);
  }

  /** This provenance with one more runtime entry. */
  public Provenance withRuntime(String key, String value) {
    Map<String, String> r = new LinkedHashMap<>(runtime);
    r.put(key, value);
    return new Provenance(tool, version, commit, dirty, commandLine, seeds, inputs, r, createdAt);
  }
}
