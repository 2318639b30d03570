package org.sbi4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command has. */
public final class CommonOptions {
  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the machine-readable result to FILE ('-' for stdout).")
  String json;

  @Option(names = "--verbose", description = "Print stack traces of failures.")
  boolean verbose;

  /** Declares the --json file as an output. */
  Outputs declare(Outputs outputs) {
    return outputs.json(json);
  }

  /**
   * Writes {@code result}, with the run's provenance as its top-level {@code provenance} object,
   * where --json asks; returns true when it went to stdout.
   */
  boolean writeJson(Object result) {
    if (json == null) {
      return false;
    }
    Object withProvenance = Json.withProvenance(result);
    if (json.equals("-")) {
      System.out.println(Json.write(withProvenance));
      return true;
    }
    Json.writeFile(Path.of(json), withProvenance);
    return false;
  }

  /**
   * Writes {@code result} where --json asks and, unless it went to stdout, runs {@code human} (the
   * human-readable lines).
   */
  void report(Object result, Runnable human) {
    if (!writeJson(result)) {
      human.run();
    }
  }

  /** Prints each warning to stderr, then {@link #report}s {@code result}. */
  void report(Iterable<?> warnings, Object result, Runnable human) {
    for (Object w : warnings) {
      System.err.println("warning: " + w);
    }
    report(result, human);
  }

  /**
   * Returns {@code model} unless it is an existing file that is not a folder: then bad input saying
   * that --model takes a model folder.
   */
  static Path modelFolder(Path model) {
    if (model != null && Files.exists(model) && !Files.isDirectory(model)) {
      throw new IllegalArgumentException(
          "--model: "
              + model
              + " is a file; --model takes a model folder (the folder 'sbi4j train --out DIR'"
              + " writes)");
    }
    return model;
  }

  /** True when human-readable output may go to stdout (not when the JSON goes there). */
  boolean humanOutput() {
    return !"-".equals(json);
  }
}
