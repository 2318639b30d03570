package org.sbi4j.cli;

import picocli.CommandLine.Option;

/** The {@code --max-negative-fraction} of a command that reads event weights. */
public final class NegativeWeightOption {
  @Option(
      names = "--max-negative-fraction",
      defaultValue = "0.05",
      paramLabel = "F",
      description =
          "Fail when events with dσ ≤ 0 carry more than this fraction of Σ|dσ| "
              + "(default ${DEFAULT-VALUE}).")
  double maxNegativeFraction;
}
