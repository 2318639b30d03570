package org.sbi4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sbi4j.inference.limits.NuisanceSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a command treats the nuisance parameters of the event file (docs/cli.md). */
public final class NuisanceOptions {
  @Option(
      names = "--fix-nuisance",
      paramLabel = "NAME=VALUE",
      description =
          "Hold a nuisance parameter at VALUE instead of profiling it (repeatable; default: every"
              + " nuisance parameter of the event file is profiled).")
  Map<String, Double> fixed = new LinkedHashMap<>();

  @Option(
      names = "--no-nuisances",
      description = "Ignore systematics: hold every nuisance parameter at 0 (nominal simulation).")
  boolean none;

  @Mixin ClampNuisanceOption clamp = new ClampNuisanceOption();

  /** The library's settings. */
  NuisanceSettings settings() {
    return new NuisanceSettings(!none, fixed, clamp.policy());
  }

  /** The option names of the library's value names, for {@link OptionMap}. */
  static OptionMap with(OptionMap map) {
    return map.with("fix-nuisance", "--fix-nuisance", null)
        .with("clamp-nuisance", "--clamp-nuisance", null);
  }
}
