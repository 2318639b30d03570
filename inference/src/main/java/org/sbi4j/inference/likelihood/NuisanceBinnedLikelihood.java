package org.sbi4j.inference.likelihood;

import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSample;

/**
 * The binned Poisson likelihood with nuisance parameters and per-bin nuisance morphing,
 * HistFactory-like (docs/math.md §7.5): each bin's content at the nuisance benchmarks, W±_kj = Σ_{e
 * ∈ k} w±_ej, and at the reference benchmark, W0_k, give per-bin coefficients exactly as events
 * give theirs (A_kj = ½ log(W₊/W₋), B_kj = ½ log(W₊W₋/W0²), or log(W₊/W0) and 0 one-sided), and
 *
 * <pre>ν_k(θ, ν) = ν_k(θ) exp(Σ_j A_kj ν_j + B_kj ν_j²),
 * log L(θ, ν) = Σ_k log Pois(n_k | ν_k(θ, ν)).</pre>
 *
 * One evaluation costs O(bins), not O(events). A bin whose expectation is not positive is floored
 * as in {@link BinnedLikelihood} (and contributes no gradient there).
 */
public final class NuisanceBinnedLikelihood implements NuisanceLikelihood {
  private final HistogramModel model;
  private final NuisanceMorphing bins;
  private final double[] counts;
  private final List<String> nuisances;

  /**
   * @param model the histogram model; its templates carry the nuisance weights
   * @param summary the summary the model bins
   * @param counts n_k, one per bin
   * @param policy what to do with undefined per-bin coefficients
   */
  public NuisanceBinnedLikelihood(
      HistogramModel model, Summary summary, double[] counts, NuisanceMorphing.Policy policy) {
    Check.length("bin counts", counts, model.binning().size());
    new BinnedLikelihood(model, counts); // the same checks on the counts
    this.model = model;
    this.bins = binMorphing(model, summary, policy);
    this.counts = counts.clone();
    this.nuisances = model.templates().sample().nuisances().names();
  }

  /**
   * The per-bin nuisance-morphing coefficients of {@code model}'s bins (bin k in place of event k).
   *
   * @throws IllegalArgumentException under {@link NuisanceMorphing.Policy#ERROR} when a bin has no
   *     positive content at the reference or a nuisance benchmark
   */
  public static NuisanceMorphing binMorphing(
      HistogramModel model, Summary summary, NuisanceMorphing.Policy policy) {
    EventSample file = model.templates().sample();
    Nuisances nu = file.nuisances();
    int ref = nu.checkAgainst(model.templates().setup());
    int nb = model.templates().setup().benchmarks().size();
    int k = nu.benchmarks().size();
    int size = model.binning().size();
    double[] w0 = new double[size];
    double[] nw = new double[size * k];
    double[] values = summary.values(file);
    int d = summary.dimension();
    double[] w = file.weights();
    for (int e = 0; e < file.size(); e++) {
      int b = model.binning().index(values, e * d);
      w0[b] += w[e * nb + ref];
      for (int c = 0; c < k; c++) {
        nw[b * k + c] += file.nuisanceWeight(e, c);
      }
    }
    // An empty bin (no content anywhere) has no coefficient to speak of: the clamp sets it to 0.
    NuisanceMorphing m = NuisanceMorphing.of(nu, w0, nw, NuisanceMorphing.Policy.CLAMP);
    int undefined = 0;
    for (int b = 0; b < size; b++) {
      boolean empty = w0[b] == 0;
      for (int c = 0; c < k; c++) {
        empty &= nw[b * k + c] == 0;
      }
      if (empty) {
        continue;
      }
      for (int j = 0; j < nu.size(); j++) {
        int plus = nu.plusColumn(j);
        int minus = nu.minusColumn(j);
        if (!(w0[b] > 0 && nw[b * k + plus] > 0 && (minus < 0 || nw[b * k + minus] > 0))) {
          undefined++;
        }
      }
    }
    if (undefined > 0 && policy == NuisanceMorphing.Policy.ERROR) {
      throw new InvalidValueException(
          "clamp-nuisance",
          String.format(
              Locale.ROOT,
              "%d per-bin nuisance coefficients of the %d histogram bins are undefined (a bin"
                  + " without positive content at the reference or a nuisance benchmark); use"
                  + " fewer bins, or clamp them as MadMiner does",
              undefined,
              size));
    }
    return m;
  }

  @Override
  public int dimension() {
    return model.templates().dimension();
  }

  @Override
  public List<String> nuisanceNames() {
    return nuisances;
  }

  @Override
  public double evaluate(double[] theta, double[] nu, double[] gradient) {
    double[] mu0 = model.expected(theta);
    double[] g = new double[nu.length];
    double s = 0;
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
    }
    for (int k = 0; k < mu0.length; k++) {
      double mu = mu0[k] * Math.exp(bins.logFactor(k, nu));
      boolean floored = !(mu > BinnedLikelihood.FLOOR);
      s += PoissonTerm.logPoisson(counts[k], floored ? BinnedLikelihood.FLOOR : mu);
      if (gradient != null && !floored) {
        bins.gradient(k, nu, g);
        double f = counts[k] - mu; // (n/μ − 1) ∂μ/∂ν_j with ∂μ/∂ν_j = μ g_j
        for (int j = 0; j < nu.length; j++) {
          gradient[j] += f * g[j];
        }
      }
    }
    return s;
  }
}
