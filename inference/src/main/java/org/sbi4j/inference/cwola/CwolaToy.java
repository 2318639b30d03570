package org.sbi4j.inference.cwola;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The built-in CWoLa toy (docs/math.md §5.10): events (m, a, b) with m in [1, 3]. Background: m
 * with density ∝ e^{−1.5 m} on [1, 3], a and b independent N(0, 1), independent of m. Signal: m ~
 * N(2, 0.05²), a and b ~ N(1.5, 0.5²) with correlation 0.5. The signal region [1.9, 2.1) holds 95.4
 * % of the signal.
 */
public final class CwolaToy {
  /** Lower end of m. */
  public static final double LOW = 1;

  /** Upper end of m. */
  public static final double HIGH = 3;

  /** Signal mass. */
  public static final double MASS = 2;

  /** Signal width in m. */
  public static final double WIDTH = 0.05;

  private CwolaToy() {}

  /**
   * {@code background} background and {@code signal} signal events, rows (m, a, b), row-major,
   * background first.
   */
  public static double[] events(int background, int signal, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] out = new double[3 * (background + signal)];
    double slope = 1.5;
    double span = 1 - Math.exp(-slope * (HIGH - LOW));
    for (int i = 0; i < background; i++) {
      out[3 * i] = LOW - Math.log(1 - span * rng.nextDouble()) / slope;
      out[3 * i + 1] = g.sample();
      out[3 * i + 2] = g.sample();
    }
    for (int i = background; i < background + signal; i++) {
      double u = g.sample();
      double v = g.sample();
      out[3 * i] = MASS + WIDTH * g.sample();
      out[3 * i + 1] = 1.5 + 0.5 * u;
      out[3 * i + 2] = 1.5 + 0.5 * (0.5 * u + Math.sqrt(0.75) * v);
    }
    return out;
  }

  /** The signal region [MASS − 2·WIDTH, MASS + 2·WIDTH) in the window [LOW, HIGH]. */
  public static CwolaConfig config() {
    return CwolaConfig.of(MASS - 2 * WIDTH, MASS + 2 * WIDTH, LOW, HIGH);
  }
}
