package org.sbi4j.cli;

import org.sbi4j.morphing.NuisanceMorphing;
import picocli.CommandLine.Option;

/** The {@code --clamp-nuisance} of a command that morphs nuisance parameters (docs/cli.md). */
public final class ClampNuisanceOption {
  @Option(
      names = "--clamp-nuisance",
      description =
          "Clamp undefined nuisance-morphing coefficients as MadMiner does (non-finite → 0, clip to"
              + " [−10, 10]) instead of refusing the file.")
  boolean clamp;

  /** The library's policy. */
  NuisanceMorphing.Policy policy() {
    return clamp ? NuisanceMorphing.Policy.CLAMP : NuisanceMorphing.Policy.ERROR;
  }
}
