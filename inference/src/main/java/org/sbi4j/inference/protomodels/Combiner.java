package org.sbi4j.inference.protomodels;

import java.util.List;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The combiner and the critic (docs/math.md §9.3-§9.5): for a proto-model, the global signal
 * strength μ̂ of each maximal clique c, capped by the critic at μ_max = r_max / max_a r_a, and K^c
 * = Δχ²_c − 2 a n_free; K is the largest K^c. A model with active EFT operators is evaluated at μ =
 * 1.
 */
public final class Combiner {
  private final Database database;
  private final Settings settings;
  private final List<int[]> cliques;

  /**
   * The prior's penalty and the critic's threshold.
   *
   * @param penalty a: ln π(model) = −a × (number of free parameters), ≥ 0
   * @param rMax the critic's largest allowed predicted / observed upper limit, &gt; 0
   */
  public record Settings(double penalty, double rMax) implements java.io.Serializable {
    public Settings {
      if (!(penalty >= 0) || !Double.isFinite(penalty)) {
        throw new org.sbi4j.common.InvalidValueException(
            "penalty", "must be ≥ 0 and finite, got " + penalty);
      }
      if (!(rMax > 0) || !Double.isFinite(rMax)) {
        throw new org.sbi4j.common.InvalidValueException(
            "rMax", "must be positive and finite, got " + rMax);
      }
    }
  }

  /**
   * The verdict on one proto-model.
   *
   * @param k K = max_c K^c
   * @param clique the winning combination (analysis indices)
   * @param muHat its fitted global signal strength
   * @param muMax the critic's cap on μ
   * @param deltaChi2 Δχ² of the winning combination at μ̂
   * @param freeParameters number of free parameters of the model
   */
  public record Evaluation(
      double k, int[] clique, double muHat, double muMax, double deltaChi2, int freeParameters)
      implements java.io.Serializable {
    public Evaluation {
      clique = clique.clone();
    }

    @Override
    public int[] clique() {
      return clique.clone();
    }
  }

  /** A combiner over the maximal cliques of {@code database}. */
  public Combiner(Database database, Settings settings) {
    this.database = database;
    this.settings = settings;
    this.cliques = Cliques.of(database);
  }

  /** The database. */
  public Database database() {
    return database;
  }

  /** The maximal cliques, as {@link Cliques#of} orders them. */
  public List<int[]> cliques() {
    return cliques;
  }

  /** The settings. */
  public Settings settings() {
    return settings;
  }

  /** K, the winning combination and μ̂ of {@code model}. */
  public Evaluation evaluate(ProtoModel model) {
    double[][] signals = database.signals(model);
    int n = signals.length;
    AnalysisLikelihood.Term[] terms = new AnalysisLikelihood.Term[n];
    double maxRatio = 0;
    for (int a = 0; a < n; a++) {
      boolean any = false;
      for (double s : signals[a]) {
        any |= s != 0;
      }
      if (any) {
        terms[a] = database.analyses().get(a).likelihood().term(signals[a]);
        maxRatio = Math.max(maxRatio, terms[a].ratio());
      }
    }
    int free = model.freeParameters();
    double prior = 2 * settings.penalty() * free;
    double muMax = maxRatio > 0 ? settings.rMax() / maxRatio : 0;
    if (!model.activeOperators().isEmpty()) {
      return atFixedStrength(terms, muMax, free, prior);
    }
    Evaluation best = null;
    // cliques that share their analyses with signal share their fit
    java.util.Map<java.util.BitSet, double[]> fits = new java.util.HashMap<>();
    for (int[] clique : cliques) {
      java.util.BitSet used = new java.util.BitSet(n);
      for (int a : clique) {
        if (terms[a] != null) {
          used.set(a);
        }
      }
      double[] fit = fits.computeIfAbsent(used, u -> fitClique(terms, clique, muMax));
      double k = fit[1] - prior;
      if (best == null || k > best.k()) {
        best = new Evaluation(k, clique, fit[0], muMax, fit[1], free);
      }
    }
    return best;
  }

  /**
   * A model with active EFT operators: its coefficients are absolute (a common factor on its
   * signals is not a coefficient), so μ stays 1, Δχ²_c = 2 Σ_{a∈c} [−ln L_a(0) + ln L_a(s_a)] may
   * be negative, and the model is excluded (K = −∞, never accepted) when the critic's cap μ_max is
   * below 1.
   */
  private Evaluation atFixedStrength(
      AnalysisLikelihood.Term[] terms, double muMax, int free, double prior) {
    boolean excluded = muMax > 0 && muMax < 1;
    double[] each = new double[terms.length];
    for (int a = 0; a < terms.length; a++) {
      each[a] = terms[a] == null ? 0 : 2 * (terms[a].nll(0) - terms[a].nll(1));
    }
    Evaluation best = null;
    for (int[] clique : cliques) {
      double deltaChi2 = 0;
      for (int a : clique) {
        deltaChi2 += each[a];
      }
      double k = excluded ? Double.NEGATIVE_INFINITY : deltaChi2 - prior;
      if (best == null || k > best.k()) {
        best = new Evaluation(k, clique, 1, muMax, deltaChi2, free);
      }
    }
    return best;
  }

  /** {μ̂, Δχ²} of one clique: −ln L_c minimised over μ ∈ [0, μ_max]. */
  static double[] fitClique(AnalysisLikelihood.Term[] terms, int[] clique, double muMax) {
    int count = 0;
    for (int a : clique) {
      if (terms[a] != null) {
        count++;
      }
    }
    if (count == 0 || !(muMax > 0)) {
      return new double[] {0, 0};
    }
    AnalysisLikelihood.Term[] used = new AnalysisLikelihood.Term[count];
    int k = 0;
    for (int a : clique) {
      if (terms[a] != null) {
        used[k++] = terms[a];
      }
    }
    java.util.function.DoubleUnaryOperator f =
        mu -> {
          double sum = 0;
          for (AnalysisLikelihood.Term t : used) {
            sum += t.nll(mu);
          }
          return sum;
        };
    double f0 = f.applyAsDouble(0);
    double fMax = f.applyAsDouble(muMax);
    double muHat = 0;
    double fMin = f0;
    if (fMax < fMin) {
      muHat = muMax;
      fMin = fMax;
    }
    UnivariatePointValuePair p =
        new BrentOptimizer(1e-9, 1e-12 * muMax)
            .optimize(
                new MaxEval(1000),
                new UnivariateObjectiveFunction(f::applyAsDouble),
                GoalType.MINIMIZE,
                new SearchInterval(0, muMax, muHat == 0 ? 0.5 * muMax : muMax));
    if (p.getValue() < fMin) {
      muHat = p.getPoint();
      fMin = p.getValue();
    }
    return new double[] {muHat, Math.max(0, 2 * (f0 - fMin))};
  }
}
