package org.sbi4j.samples.mining;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Where the nuisance values ν0 of a ratio sample come from (docs/cli.md {@code augment
 * --nu0-prior}): the single word {@code constraint} (every ν_j ~ N(0, 1), its constraint term; the
 * default), or one entry per nuisance parameter, comma-separated: {@code constraint}, {@code
 * fixed:v} or {@code uniform:lo:hi}.
 *
 * @param axes one entry per nuisance parameter, or empty for "constraint for all of them"
 */
public record NuisancePrior(List<Axis> axes) {
  /** ν_j ~ N(0, 1) for every nuisance parameter. */
  public static final NuisancePrior CONSTRAINT = new NuisancePrior(List.of());

  public NuisancePrior {
    axes = List.copyOf(axes);
  }

  /** One nuisance parameter's prior. */
  public sealed interface Axis {}

  /** N(0, 1), the constraint term. */
  public record Constraint() implements Axis {}

  /** A fixed value. */
  public record Fixed(double value) implements Axis {
    public Fixed {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("fixed:" + value + " needs a finite value");
      }
    }
  }

  /** Uniform on [lo, hi]. */
  public record Uniform(double lo, double hi) implements Axis {
    public Uniform {
      if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "uniform:%s:%s needs finite lo < hi", lo, hi));
      }
    }
  }

  /**
   * Parses {@code constraint} or comma-separated {@code constraint}/{@code fixed:v}/{@code
   * uniform:lo:hi}.
   */
  public static NuisancePrior parse(String text) {
    String t = text.trim();
    if (t.equals("constraint")) {
      return CONSTRAINT;
    }
    List<Axis> axes = new ArrayList<>();
    for (String part : t.split(",")) {
      String[] f = part.trim().split(":");
      try {
        if (f[0].equals("constraint") && f.length == 1) {
          axes.add(new Constraint());
          continue;
        }
        if (f[0].equals("fixed") && f.length == 2) {
          axes.add(new Fixed(Double.parseDouble(f[1])));
          continue;
        }
        if (f[0].equals("uniform") && f.length == 3) {
          axes.add(new Uniform(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below with the whole entry
      }
      throw new IllegalArgumentException(
          "ν prior entry '"
              + part.trim()
              + "' is not constraint, fixed:v or uniform:lo:hi (or the single word 'constraint')");
    }
    return new NuisancePrior(axes);
  }

  /** True when every value is fixed (then every draw is the same ν). */
  public boolean fixed() {
    return !axes.isEmpty() && axes.stream().allMatch(a -> a instanceof Fixed);
  }

  /**
   * {@code count} seeded draws of ν for the nuisance parameters {@code names}.
   *
   * @throws IllegalArgumentException when the entries do not match the nuisance parameters
   */
  public double[][] draw(List<String> names, int count, long seed) {
    int m = names.size();
    if (!axes.isEmpty() && axes.size() != m) {
      throw new IllegalArgumentException(
          "the ν prior has "
              + axes.size()
              + " entries but there are "
              + m
              + " nuisance parameters "
              + names
              + "; give one per nuisance parameter or the single word 'constraint'");
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] out = new double[count][m];
    for (int k = 0; k < count; k++) {
      for (int j = 0; j < m; j++) {
        Axis a = axes.isEmpty() ? new Constraint() : axes.get(j);
        out[k][j] =
            a instanceof Fixed f
                ? f.value()
                : a instanceof Uniform u
                    ? u.lo() + (u.hi() - u.lo()) * rng.nextDouble()
                    : gauss.sample();
      }
    }
    return out;
  }
}
