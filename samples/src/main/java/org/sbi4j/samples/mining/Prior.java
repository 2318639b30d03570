package org.sbi4j.samples.mining;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.morphing.MorphingSetup;

/**
 * Where parameter points θ0 come from (docs/cli.md {@code --theta0-prior}, docs/math.md §12.1): per
 * parameter {@code uniform:lo:hi}, {@code normal:mu:sigma}, {@code grid:lo:hi:n} or {@code
 * points:FILE}, comma-separated; the single word {@code benchmarks} (the setup's basis points); or
 * a single {@code points:FILE} whose lines hold one whole θ each.
 */
public sealed interface Prior {
  /**
   * Independent per-parameter priors: when every axis is discrete (grid or points) the full product
   * of their values; otherwise seeded draws, discrete axes drawing uniformly among their values.
   */
  record PerParameter(List<Axis> axes) implements Prior {
    public PerParameter {
      axes = List.copyOf(axes);
    }
  }

  /** The benchmarks of the setup. */
  record Benchmarks() implements Prior {}

  /** Explicit θ points, one per line of a file. */
  record Listed(double[][] thetas) implements Prior {}

  /** One parameter's prior. */
  sealed interface Axis {}

  /** Gaussian N(mu, sigma²). */
  record Normal(double mu, double sigma) implements Axis {
    public Normal {
      if (!Double.isFinite(mu) || !Double.isFinite(sigma) || !(sigma > 0)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "normal:%s:%s needs a finite mu and sigma > 0", mu, sigma));
      }
    }
  }

  /** The values listed in a file, one per line. */
  record Points(double[] values) implements Axis {
    public Points {
      values = values.clone();
    }
  }

  /** Uniform on [lo, hi]. */
  record Uniform(double lo, double hi) implements Axis {
    public Uniform {
      if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "uniform:%s:%s needs finite lo < hi", lo, hi));
      }
    }
  }

  /** n equally spaced nodes from lo to hi inclusive (n = 1: lo). */
  record Grid(double lo, double hi, int n) implements Axis {
    public Grid {
      if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi || n < 1) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "grid:%s:%s:%d needs finite lo ≤ hi and n ≥ 1", lo, hi, n));
      }
    }

    double node(int k) {
      return n == 1 ? lo : lo + (hi - lo) * k / (n - 1);
    }
  }

  /** Number of values of a discrete axis (grid or points); 0 for a continuous one. */
  private static int size(Axis a) {
    return a instanceof Grid g ? g.n() : a instanceof Points pt ? pt.values().length : 0;
  }

  /** Value k of a discrete axis. */
  private static double value(Axis a, int k) {
    return a instanceof Grid g ? g.node(k) : ((Points) a).values()[k];
  }

  /**
   * Parses {@code benchmarks} or comma-separated {@code uniform:lo:hi} / {@code normal:mu:sigma} /
   * {@code grid:lo:hi:n} / {@code points:FILE}, reading the files.
   */
  static Prior parse(String text) {
    String t = text.trim();
    if (t.equals("benchmarks")) {
      return new Benchmarks();
    }
    List<Axis> axes = new ArrayList<>();
    String[] parts = t.split(",");
    for (String part : parts) {
      String[] f = part.trim().split(":");
      try {
        if (f[0].equals("points") && f.length >= 2) {
          double[][] rows = PointsFile.read(part.trim().substring("points:".length()));
          if (parts.length == 1 && rows[0].length > 1) {
            return new Listed(rows);
          }
          axes.add(new Points(PointsFile.column(part.trim(), rows)));
          continue;
        }
        if (f[0].equals("uniform") && f.length == 3) {
          axes.add(new Uniform(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
          continue;
        }
        if (f[0].equals("normal") && f.length == 3) {
          axes.add(new Normal(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
          continue;
        }
        if (f[0].equals("grid") && f.length == 4) {
          if (!f[3].trim().matches("[+]?[0-9]+")) {
            throw new InvalidValueException(
                "theta0Prior",
                "prior entry '"
                    + part.trim()
                    + "': n must be an integer (got '"
                    + f[3]
                    + "'); write grid:lo:hi:n");
          }
          axes.add(
              new Grid(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3])));
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below with the whole entry
      }
      throw new IllegalArgumentException(
          "prior entry '"
              + part.trim()
              + "' is not uniform:lo:hi, normal:mu:sigma, grid:lo:hi:n or points:FILE (or the word"
              + " 'benchmarks')");
    }
    return new PerParameter(axes);
  }

  /**
   * The parameter points: the product of the values when every axis is discrete (grid or points);
   * the benchmarks; the listed points; otherwise {@code count} seeded draws.
   */
  default double[][] points(MorphingSetup setup, int count, long seed) {
    if (this instanceof Benchmarks) {
      return setup.basis();
    }
    if (this instanceof Listed l) {
      for (double[] theta : l.thetas()) {
        setup.checkTheta("theta0Prior", theta);
      }
      return l.thetas().clone();
    }
    List<Axis> axes = ((PerParameter) this).axes();
    int p = setup.parameters().size();
    if (axes.size() != p) {
      throw new IllegalArgumentException(
          "the prior has "
              + axes.size()
              + " entries but there are "
              + p
              + " parameters "
              + setup.parameterNames()
              + "; give one per parameter");
    }
    if (axes.stream().allMatch(a -> size(a) > 0)) {
      return grid(axes);
    }
    if (count <= 0) {
      throw new IllegalArgumentException(
          "number of parameter points " + count + " must be positive");
    }
    MemoryBudget.require("thetas", "θ0 points", count, bytesPerPoint(p), "draw fewer θ0 points");
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] out = new double[count][p];
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < p; i++) {
        Axis a = axes.get(i);
        out[k][i] =
            a instanceof Uniform u
                ? u.lo() + (u.hi() - u.lo()) * rng.nextDouble()
                : a instanceof Normal g
                    ? g.mu() + g.sigma() * gauss.sample()
                    : value(a, rng.nextInt(size(a)));
      }
    }
    return out;
  }

  private static double[][] grid(List<Axis> axes) {
    long total = 1;
    for (Axis a : axes) {
      total = Math.min(total * size(a), Integer.MAX_VALUE);
    }
    MemoryBudget.require(
        "theta0Prior",
        "θ0 grid points",
        total,
        bytesPerPoint(axes.size()),
        "use fewer grid points per parameter");
    double[][] out = new double[(int) total][axes.size()];
    for (long k = 0; k < total; k++) {
      long rest = k;
      for (int i = axes.size() - 1; i >= 0; i--) {
        Axis a = axes.get(i);
        out[(int) k][i] = value(a, (int) (rest % size(a)));
        rest /= size(a);
      }
    }
    return out;
  }

  /** Estimated bytes one θ0 point costs: its θ and the per-point sums of the sample. */
  private static long bytesPerPoint(int p) {
    return 16 + 8L * p + 64;
  }
}
