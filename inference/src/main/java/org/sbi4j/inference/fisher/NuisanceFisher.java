package org.sbi4j.inference.fisher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.NuisanceBinnedLikelihood;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.morphing.NuisanceMorphing;

/**
 * Fisher information over θ ⊕ ν with nuisance parameters (docs/math.md §7.6), at θ and the nominal
 * ν (0, or the value a nuisance parameter is fixed at), from the nuisance-morphed events dσ_e(θ, ν)
 * = dσ_e(θ) F_e(ν), F_e = exp(Σ_j a_ej ν_j + b_ej ν_j²), with ∂dσ_e/∂ν_j = dσ_e(θ, ν)(a_ej + 2 b_ej
 * ν_j):
 *
 * <pre>
 * truth      I = L Σ_e ∇dσ_e ∇dσ_eᵀ / dσ_e + C
 * rate       I = L ∇σ ∇σᵀ / σ + C
 * histogram  I = Σ_k ∇ν_k ∇ν_kᵀ / ν_k + C   (per-bin nuisance morphing)
 * </pre>
 *
 * where ∇ runs over θ and the free nuisance parameters and C, the information of the constraints
 * N(ν_j; 0, 1), is 0 on the θ block and the identity on the ν block (MadMiner's nuisance constraint
 * information). Nuisance parameters fixed at a value are not parameters of the matrix. The truth
 * form equals {@link FisherInformation#truth}'s L Σ dσ t tᵀ + L ∇σ∇σᵀ/σ (expand the square, σ = Σ
 * dσ_e); events with dσ_e ≤ 0 carry no joint score and are left out with a warning.
 */
public final class NuisanceFisher {
  private final MorphedEvents events;
  private final NuisanceMorphing morphing;
  private final List<String> names;
  private final double[] nu;
  private final int[] free;

  /**
   * @param events the event file with its θ morphing
   * @param morphing its nuisance-morphing coefficients
   * @param nuisanceNames the nuisance parameters, in order
   * @param fixed one value per nuisance parameter: NaN when it is a parameter of the matrix (taken
   *     at ν = 0), else the value it is fixed at
   */
  public NuisanceFisher(
      MorphedEvents events, NuisanceMorphing morphing, List<String> nuisanceNames, double[] fixed) {
    Check.length("fixed nuisance values", fixed, nuisanceNames.size());
    this.events = events;
    this.morphing = morphing;
    this.names = List.copyOf(nuisanceNames);
    this.nu = new double[fixed.length];
    List<Integer> f = new ArrayList<>();
    for (int j = 0; j < fixed.length; j++) {
      if (Double.isNaN(fixed[j])) {
        f.add(j);
      } else {
        nu[j] = fixed[j];
      }
    }
    this.free = f.stream().mapToInt(Integer::intValue).toArray();
  }

  /** θ names, then the free nuisance parameters. */
  public List<String> parameters() {
    List<String> out = new ArrayList<>(events.setup().parameterNames());
    for (int j : free) {
      out.add(names.get(j));
    }
    return out;
  }

  /** Names of the nuisance parameters in the matrix. */
  public List<String> freeNuisances() {
    List<String> out = new ArrayList<>();
    for (int j : free) {
      out.add(names.get(j));
    }
    return out;
  }

  /** Truth level over θ ⊕ ν, constraint included. */
  public FisherMatrix truth(double[] theta, double luminosity) {
    double[][] g = gradients(theta, luminosity);
    double[] d = g[g.length - 1];
    int q = g.length - 1;
    double[][] info = new double[q][q];
    double[] v = new double[q];
    int skipped = 0;
    for (int e = 0; e < d.length; e++) {
      if (!(d[e] > 0)) {
        skipped++;
        continue;
      }
      for (int i = 0; i < q; i++) {
        v[i] = g[i][e];
      }
      addOuter(info, v, luminosity / d[e]);
    }
    List<String> warnings = new ArrayList<>();
    if (skipped > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d events with dσ_e(θ, ν) <= 0 have no joint score and were left out",
              skipped));
    }
    return new FisherMatrix(parameters(), constrained(info), warnings);
  }

  /** The rate term over θ ⊕ ν, constraint included. */
  public FisherMatrix rate(double[] theta, double luminosity) {
    double[][] g = gradients(theta, luminosity);
    int q = g.length - 1;
    double sigma = sum(g[q]);
    if (!(sigma > 0)) {
      throw new IllegalArgumentException(
          "σ(θ, ν) = " + sigma + " pb is not positive at θ; choose θ where events are expected");
    }
    double[] ds = new double[q];
    for (int i = 0; i < q; i++) {
      ds[i] = sum(g[i]);
    }
    double[][] info = new double[q][q];
    addOuter(info, ds, luminosity / sigma);
    return new FisherMatrix(parameters(), constrained(info), List.of());
  }

  /**
   * Detector level with SALLY over θ ⊕ ν: the rate term, L σ E[t̂ t̂ᵀ | θ, ν] with the expectation
   * the dσ_e(θ, ν)-weighted mean over {@code test} (the test partition, with the same nuisance
   * morphing), and the constraint. The model's score has a θ ⊕ ν component per parameter of the
   * event file; those of fixed nuisance parameters are dropped.
   */
  public FisherMatrix sally(
      MorphedEvents test,
      NuisanceMorphing testMorphing,
      org.sbi4j.samples.estimators.ScoreEstimator model,
      double[] theta,
      double luminosity) {
    List<String> all = new ArrayList<>(events.setup().parameterNames());
    all.addAll(names);
    if (!model.parameters().equals(all)) {
      throw new IllegalArgumentException(
          "the SALLY model's parameters "
              + model.parameters()
              + " differ from the event file's θ and nuisance parameters "
              + all
              + "; use a SALLY model trained with the nuisance parameters, or fix them all");
    }
    FisherMatrix rate = rate(theta, luminosity);
    double[][] info = rate.matrix();
    int p = events.setup().parameterNames().size();
    int q = p + free.length;
    for (int a = 0; a < free.length; a++) {
      info[p + a][p + a] -= 1; // the constraint is added once, below
    }
    double sigma = sum(gradients(theta, luminosity)[q]);
    double[][] tHat =
        model.score(
            org.sbi4j.inference.likelihood.Observables.project(
                test.sample(), model.observables(), "the SALLY model"));
    double[] d = test.dsigma(theta);
    double[] w = new double[d.length];
    double total = 0;
    for (int e = 0; e < d.length; e++) {
      w[e] = d[e] * Math.exp(testMorphing.logFactor(e, nu));
      total += w[e];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("the test events have no positive total weight at θ");
    }
    double[] v = new double[q];
    for (int e = 0; e < d.length; e++) {
      for (int i = 0; i < p; i++) {
        v[i] = tHat[e][i];
      }
      for (int a = 0; a < free.length; a++) {
        v[p + a] = tHat[e][p + free[a]];
      }
      addOuter(info, v, luminosity * sigma * w[e] / total);
    }
    return new FisherMatrix(parameters(), constrained(info), List.of());
  }

  /**
   * Binned information of {@code model}'s bins over θ ⊕ ν with per-bin nuisance morphing (the
   * histogram likelihood's, docs/math.md §7.5): ∇_θ ν_k = ∇_θ ν_k(θ) F_k(ν), ∂ν_k/∂ν_j = ν_k(θ, ν)
   * (A_kj + 2 B_kj ν_j); constraint included.
   */
  public FisherMatrix histogram(
      HistogramModel model, Summary summary, double[] theta, NuisanceMorphing.Policy policy) {
    if (model.templates() != events) {
      throw new IllegalArgumentException("the histogram model bins other events");
    }
    events.setup().checkTheta("theta", theta);
    NuisanceMorphing bins = NuisanceBinnedLikelihood.binMorphing(model, summary, policy);
    double[] mu0 = model.expected(theta);
    double[][] dTheta = model.expectedGradient(theta);
    int p = dTheta.length;
    int q = p + free.length;
    double[][] info = new double[q][q];
    double[] v = new double[q];
    double[] g = new double[nu.length];
    for (int k = 0; k < mu0.length; k++) {
      double f = Math.exp(bins.logFactor(k, nu));
      double mu = mu0[k] * f;
      if (!(mu > 0)) {
        continue;
      }
      bins.gradient(k, nu, g);
      for (int i = 0; i < p; i++) {
        v[i] = dTheta[i][k] * f;
      }
      for (int a = 0; a < free.length; a++) {
        v[p + a] = mu * g[free[a]];
      }
      addOuter(info, v, 1 / mu);
    }
    return new FisherMatrix(parameters(), constrained(info), List.of());
  }

  /**
   * Per event: rows 0 … q−1 the gradient of dσ_e(θ, ν) over θ ⊕ free ν, row q dσ_e(θ, ν) itself.
   */
  private double[][] gradients(double[] theta, double luminosity) {
    Check.positive("luminosity", luminosity);
    events.setup().checkTheta("theta", theta);
    double[] d = events.dsigma(theta);
    double[][] dTheta = events.dsigmaGradient(theta);
    int p = dTheta.length;
    int q = p + free.length;
    double[][] out = new double[q + 1][d.length];
    double[] grad = new double[nu.length];
    for (int e = 0; e < d.length; e++) {
      double f = Math.exp(morphing.logFactor(e, nu));
      out[q][e] = d[e] * f;
      for (int i = 0; i < p; i++) {
        out[i][e] = dTheta[i][e] * f;
      }
      morphing.gradient(e, nu, grad);
      for (int a = 0; a < free.length; a++) {
        out[p + a][e] = d[e] * f * grad[free[a]];
      }
    }
    return out;
  }

  /** Adds the identity on the ν block (unit-Gaussian constraints). */
  private double[][] constrained(double[][] info) {
    int p = info.length - free.length;
    for (int a = 0; a < free.length; a++) {
      info[p + a][p + a] += 1;
    }
    return info;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  private static void addOuter(double[][] m, double[] v, double scale) {
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        m[i][j] += scale * v[i] * v[j];
      }
    }
  }
}
