package org.sbi4j.inference.histfactory;

import java.util.Locale;

/** Profile-likelihood test statistics (docs/math.md §6.4, Cowan et al. 2011). */
public enum TestStatistic {
  /** t_μ = −2 ln λ(μ), two-sided. */
  TMU,
  /** q_μ: t_μ, zero when μ̂ > μ (one-sided, for upper limits). */
  Q,
  /** q̃_μ: q_μ with the POI bounded below at 0 in the free fit. */
  QTILDE,
  /** q₀: t₀, zero when μ̂ < 0 (discovery). */
  Q0;

  /** The CLI name: "tmu", "q", "qtilde" or "q0". */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The statistic called {@code name}; throws naming the value "test statistic" otherwise. */
  public static TestStatistic parse(String name) {
    for (TestStatistic t : values()) {
      if (t.cliName().equals(name)) {
        return t;
      }
    }
    throw new org.sbi4j.common.InvalidValueException(
        "test statistic", "unknown test statistic '" + name + "' (q, qtilde, q0 or tmu)");
  }

  /** Value and the two fits behind it. */
  public record Value(double value, Fitter.Fit conditional, Fitter.Fit free) {}

  /**
   * The statistic at {@code mu} for {@code data}: twice the difference of −ln L between the fit
   * with the POI fixed at μ and the free fit, clipped at 0, then zeroed per the statistic (q0 is
   * always evaluated at μ = 0).
   */
  public Value evaluate(Fitter fitter, HistFactoryModel.Data data, double mu) {
    double m = this == Q0 ? 0 : mu;
    Fitter.Fit conditional = fitter.fixedPoiFit(data, m);
    Fitter.Fit free = fitter.fit(data);
    double t = Math.max(0, 2 * (conditional.nll() - free.nll()));
    double muHat = free.parameters()[fitter.model().poiIndex()];
    if ((this == Q || this == QTILDE) && muHat > m) {
      t = 0;
    }
    if (this == Q0 && muHat < 0) {
      t = 0;
    }
    return new Value(t, conditional, free);
  }
}
