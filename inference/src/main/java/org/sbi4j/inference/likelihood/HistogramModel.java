package org.sbi4j.inference.likelihood;

import org.sbi4j.common.Check;

/**
 * Expected bin contents of a summary histogram as functions of θ, from one weighted sample
 * reweighted with the morphing (docs/math.md §4): with S_kb = Σ_{e ∈ bin k} w_e(θ_b),
 *
 * <pre>ν_k(θ) = L Σ_b w_b(θ) S_kb,     ∂ν_k/∂θ_i = L Σ_b ∂w_b/∂θ_i S_kb.</pre>
 *
 * Since the sample is the whole event file, Σ_k ν_k(θ) = L σ(θ). Immutable.
 */
public final class HistogramModel {
  private final MorphedEvents templates;
  private final Binning binning;
  private final double luminosity;
  private final double[][] content;

  /**
   * @param templates weighted events (the event file)
   * @param summary the binned summary
   * @param binning the bins, of the summary's dimension
   * @param luminosity L in pb⁻¹
   */
  public HistogramModel(
      MorphedEvents templates, Summary summary, Binning binning, double luminosity) {
    this(templates, summary.values(templates.sample()), summary.dimension(), binning, luminosity);
  }

  /**
   * A histogram model of summary values computed beforehand (SALLINO bins a different projection of
   * one t̂ per θ, see {@link SallinoLikelihood}).
   *
   * @param values the summary of every template event, n × d row-major
   * @param d the summary's dimension
   */
  public HistogramModel(
      MorphedEvents templates, double[] values, int d, Binning binning, double luminosity) {
    if (binning.dimension() != d) {
      throw new IllegalArgumentException(
          "binning has " + binning.dimension() + " dimensions but the summary has " + d);
    }
    Check.length("summary values", values, templates.sample().size() * d);
    this.templates = templates;
    this.binning = binning;
    this.luminosity = Check.positive("luminosity", luminosity);
    int nb = templates.setup().benchmarks().size();
    content = new double[binning.size()][nb];
    for (int e = 0; e < templates.sample().size(); e++) {
      double[] row = content[binning.index(values, e * d)];
      for (int b = 0; b < nb; b++) {
        row[b] += templates.sample().weight(e, b);
      }
    }
  }

  public Binning binning() {
    return binning;
  }

  public MorphedEvents templates() {
    return templates;
  }

  /** L in pb⁻¹. */
  public double luminosity() {
    return luminosity;
  }

  /** ν_k(θ) in events, one per bin. */
  public double[] expected(double[] theta) {
    return contract(templates.morpher().weights(theta));
  }

  /** ∂ν_k/∂θ_i, parameters × bins. */
  public double[][] expectedGradient(double[] theta) {
    double[][] g = templates.morpher().weightGradients(theta);
    double[][] out = new double[g.length][];
    for (int i = 0; i < g.length; i++) {
      out[i] = contract(g[i]);
    }
    return out;
  }

  /**
   * Observed or Asimov bin counts n_k = Σ_{i ∈ bin k} w_i of a data set.
   *
   * @param data the events and their weights
   * @param summary the same summary the model bins
   */
  public double[] counts(Dataset data, Summary summary) {
    return counts(data, summary.values(data.events()), summary.dimension());
  }

  /**
   * As {@link #counts(Dataset, Summary)} with the data's summary values computed beforehand.
   *
   * @param values the summary of every data event, n × d row-major
   */
  public double[] counts(Dataset data, double[] values, int d) {
    double[] w = data.weights();
    Check.length("data summary values", values, w.length * d);
    double[] n = new double[binning.size()];
    for (int i = 0; i < w.length; i++) {
      n[binning.index(values, i * d)] += w[i];
    }
    return n;
  }

  private double[] contract(double[] perBenchmark) {
    double[] nu = new double[content.length];
    for (int k = 0; k < nu.length; k++) {
      double s = 0;
      for (int b = 0; b < perBenchmark.length; b++) {
        s += perBenchmark[b] * content[k][b];
      }
      nu[k] = luminosity * s;
    }
    return nu;
  }
}
