package org.sbi4j.inference.likelihood;

import java.util.Arrays;
import java.util.List;
import org.sbi4j.common.Check;
import org.sbi4j.samples.estimators.ScoreEstimator;

/**
 * SALLINO (docs/math.md §4): for each θ, the one-dimensional summary h(x) = t̂(x)·(θ − θ_ref) of a
 * SALLY model's score, histogrammed in its own bins, gives
 *
 * <pre>
 * log r(θ) = Σ_k [log Pois(n_k | ν_k(θ)) − log Pois(n_k | ν_k(θ_ref))]
 *          = Σ_k n_k log(ν_k(θ)/ν_k(θ_ref)) − L(σ(θ) − σ(θ_ref)),
 * </pre>
 *
 * the binned likelihood ratio of θ against θ_ref in the bins of h (rate term included, since Σ_k
 * ν_k(θ) = Lσ(θ)). The bins of θ are {@code bins} quantiles of h under dσ_e(θ_ref) (equal expected
 * content at θ_ref, the adaptive rule of the histogram baseline); at θ = θ_ref the summary vanishes
 * and log r = 0. Each θ uses its own bins: their normalisations cancel in the ratio, and every θ is
 * compared with the same θ_ref, so the values serve as log L(θ) up to one constant. t̂ is evaluated
 * once per event; each θ costs a sort and a pass over the events. Immutable.
 */
public final class SallinoLikelihood implements LogLikelihood {
  private final MorphedEvents rate;
  private final Dataset data;
  private final double[] thetaRef;
  private final double luminosity;
  private final int bins;
  private final int p;
  private final double[] templateScore;
  private final double[] dataScore;
  private final double[] refWeights;

  /**
   * @param rate the weighted event file: σ(θ) and the templates whose bins are morphed in θ
   * @param model t̂(x|θ_ref); its first p components (the file's parameters) are used
   * @param thetaRef θ_ref, at least p entries (the first p are used)
   * @param data the data set whose counts are binned
   * @param luminosity L in pb⁻¹
   * @param bins quantile bins of h per θ, ≥ 1
   */
  public SallinoLikelihood(
      MorphedEvents rate,
      ScoreEstimator model,
      double[] thetaRef,
      Dataset data,
      double luminosity,
      int bins) {
    List<String> names = rate.setup().parameterNames();
    this.p = names.size();
    if (model.parameters().size() < p || !model.parameters().subList(0, p).equals(names)) {
      throw new IllegalArgumentException(
          "the SALLY model's parameters "
              + model.parameters()
              + " differ from the event file's "
              + names
              + "; use the event file the model was trained on");
    }
    if (thetaRef == null || thetaRef.length < p) {
      throw new IllegalArgumentException(
          "SALLINO needs θ_ref with " + p + " entries, got " + Arrays.toString(thetaRef));
    }
    this.thetaRef = Arrays.copyOf(thetaRef, p);
    rate.setup().checkTheta("theta-ref", this.thetaRef);
    this.rate = rate;
    this.data = data;
    this.luminosity = Check.positive("luminosity", luminosity);
    this.bins = Check.positive("bins per dimension", bins);
    Summary score = new Summary.Score(model, p);
    this.templateScore = score.values(rate.sample());
    this.dataScore = score.values(data.events());
    this.refWeights = rate.dsigma(this.thetaRef);
  }

  @Override
  public int dimension() {
    return p;
  }

  @Override
  public double[] evaluate(double[][] thetas) {
    double[] out = new double[thetas.length];
    for (int j = 0; j < thetas.length; j++) {
      out[j] = logRatio(thetas[j]);
    }
    return out;
  }

  /** θ_ref (p entries). */
  public double[] thetaRef() {
    return thetaRef.clone();
  }

  /** The binned histogram model of θ: h = t̂·(θ − θ_ref) in its quantile bins under θ_ref. */
  public HistogramModel model(double[] theta) {
    double[] h = project(templateScore, theta);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : h) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    Binning binning =
        hi > lo
            ? Binning.adaptive(h, 1, refWeights, bins)
            // h is constant (θ = θ_ref): one bin holding every event, the rate term alone
            : new Binning(List.of(new double[] {lo - 1, lo + 1}));
    return new HistogramModel(rate, h, 1, binning, luminosity);
  }

  /** log L(θ) − log L(θ_ref) in the bins of θ. */
  private double logRatio(double[] theta) {
    Check.length("theta", theta, p);
    HistogramModel model = model(theta);
    double[] counts = model.counts(data, project(dataScore, theta), 1);
    double[] ll = new BinnedLikelihood(model, counts).evaluate(new double[][] {theta, thetaRef});
    return ll[0] - ll[1];
  }

  /** h_e = Σ_i t̂_ei (θ_i − θ_ref,i) for n × p scores. */
  private double[] project(double[] score, double[] theta) {
    int n = score.length / p;
    double[] h = new double[n];
    for (int e = 0; e < n; e++) {
      double s = 0;
      for (int i = 0; i < p; i++) {
        s += score[e * p + i] * (theta[i] - thetaRef[i]);
      }
      h[e] = s;
    }
    return h;
  }
}
