package org.sbi4j.cli;

import java.util.Locale;
import org.sbi4j.training.nplm.KernelConfig;
import picocli.CommandLine.Option;

/**
 * The model options of {@code sbi4j nplm} (docs/cli.md, math.md §5.8): {@code --model
 * network|kernel} and the kernel model's {@code --centers}, {@code --sigma} and {@code --lambda}.
 */
final class NplmKernelOptions {
  /** Nyström centres of {@code --model kernel} without {@code --centers}. */
  static final int DEFAULT_CENTERS = 200;

  /** Ridge penalty of {@code --model kernel} without {@code --lambda}. */
  static final double DEFAULT_LAMBDA = 1e-6;

  @Option(
      names = "--model",
      defaultValue = "network",
      paramLabel = "network|kernel",
      description =
          "network: the clipped network f (default); kernel: Nyström kernel logistic "
              + "regression (--centers, --sigma, --lambda).")
  String model;

  @Option(
      names = "--centers",
      paramLabel = "M",
      description = "Kernel model: Nyström centres (default 200).")
  Integer centers;

  @Option(
      names = "--sigma",
      paramLabel = "S",
      description =
          "Kernel model: Gaussian width in standardised units (default: the 90th percentile "
              + "of pairwise reference distances).")
  Double sigma;

  @Option(
      names = "--lambda",
      paramLabel = "L",
      description = "Kernel model: ridge penalty (default 1e-6).")
  Double lambda;

  /**
   * The kernel settings for {@code --model kernel}, null for the network.
   *
   * @param networkOptions whether {@code --clip} or {@code --network} was given (refused with the
   *     kernel model)
   */
  KernelConfig config(boolean networkOptions) {
    switch (model.toLowerCase(Locale.ROOT)) {
      case "network" -> {
        if (centers != null || sigma != null || lambda != null) {
          throw new IllegalArgumentException(
              "--centers, --sigma and --lambda belong to --model kernel; add --model kernel or "
                  + "drop them");
        }
        return null;
      }
      case "kernel" -> {
        if (networkOptions) {
          throw new IllegalArgumentException(
              "--model kernel has no network or clip; drop --network/--clip");
        }
        return KernelConfig.of(
            centers == null ? DEFAULT_CENTERS : centers,
            sigma == null ? Double.NaN : sigma,
            lambda == null ? DEFAULT_LAMBDA : lambda);
      }
      default ->
          throw new IllegalArgumentException(
              "--model " + model + " is unknown; use network or kernel");
    }
  }
}
