package org.sbi4j.cli;

import picocli.CommandLine.Option;

/** The luminosity and histogram binning of a command that predicts event rates. */
public final class RateOptions {
  @Option(
      names = "--luminosity",
      required = true,
      paramLabel = "L",
      description = "Integrated luminosity in pb⁻¹.")
  double luminosity;

  @Option(
      names = "--bins",
      paramLabel = "N",
      description = "Adaptive histogram bins per dimension (default 80 in 1D, 12 in 2D).")
  Integer bins;
}
