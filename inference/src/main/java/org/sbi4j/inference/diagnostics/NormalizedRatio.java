package org.sbi4j.inference.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * A ratio model normalised per θ over a sample of θ1 (docs/math.md §10.6): an exact ratio has
 * E_{x~p(x|θ1)}[r(x|θ, θ1)] = 1 for every θ, so
 *
 * <pre>r̂_N(x|θ, θ1) = r̂(x|θ, θ_ref) / Σ_i v_i r̂(x_i|θ, θ_ref),   v_i = dσ_i(θ1) / Σ_k dσ_k(θ1),
 * </pre>
 *
 * with the weighted events i of a normalisation sample (not those the result is judged on). A model
 * that is right up to a factor c(θ) becomes independent of it; the score is t̂_N = t̂ − Σ_i v_i
 * r̂_i t̂_i / Σ_i v_i r̂_i. The sum is formed once per θ (log-sum-exp, in double) and cached. Built
 * for models without nuisance parameters.
 */
public final class NormalizedRatio extends WrappedRatio {
  private final EventSample sample;
  private final double[] weights;
  private final Map<List<Double>, double[]> logNorms = new ConcurrentHashMap<>();
  private final Map<List<Double>, double[]> scores = new ConcurrentHashMap<>();

  /**
   * @param base the model, log r̂(x|θ, θ_ref)
   * @param normalization the normalisation events (weighted)
   * @param theta1 θ1, the hypothesis the normalisation sample is weighted to
   */
  public NormalizedRatio(RatioEstimator base, MorphedEvents normalization, double[] theta1) {
    super(base, "normalize", "the normalisation");
    normalization.setup().checkTheta("theta1", theta1);
    double[] w = normalization.dsigma(theta1);
    double total = 0;
    for (double v : w) {
      total += v;
    }
    if (!(total > 0)) {
      throw new InvalidValueException(
          "normalization events", "carry no positive cross section at θ1; give more events");
    }
    this.weights = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      weights[i] = w[i] / total;
    }
    this.sample = normalization.sample();
  }

  /**
   * {@code source} normalised on the validation partition of {@code file} at θ1 = the default
   * reference (θ = 0 when inside every range, else the centre), as {@link
   * CalibratedRatio#calibrate} calibrates: a ratio model becomes a {@link LimitSource.Ratio}
   * labelled "METHOD normalised"; histogram baselines are returned as they are.
   */
  public static LimitSource normalize(LimitSource source, EventSample file) {
    return ValidationWrap.apply(source, file, "normalised", NormalizedRatio::new);
  }

  /** Per θ row: log Σ_i v_i r̂(x_i|θ), formed once per θ (likelihoods ask in blocks of events). */
  private double[] logNormalizers(double[][] thetas) {
    double[][] n = cached(logNorms, thetas, false);
    double[] out = new double[thetas.length];
    for (int j = 0; j < thetas.length; j++) {
      out[j] = n[j][0];
    }
    return out;
  }

  /**
   * Per θ row: entry 0 log Σ_i v_i r̂_i; with {@code score} also the mean score Σ_i v_i r̂_i t̂_i /
   * Σ_i v_i r̂_i (p entries after the first).
   */
  private double[][] cached(Map<List<Double>, double[]> cache, double[][] thetas, boolean score) {
    double[][] out = new double[thetas.length][];
    List<Integer> missing = new ArrayList<>();
    for (int j = 0; j < thetas.length; j++) {
      out[j] = cache.get(key(thetas[j]));
      if (out[j] == null) {
        missing.add(j);
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    double[][] todo = new double[missing.size()][];
    for (int k = 0; k < todo.length; k++) {
      todo[k] = thetas[missing.get(k)];
    }
    double[][] lr = base.logRatio(sample, todo);
    double[][][] t = score ? base.score(sample, todo) : null;
    for (int k = 0; k < todo.length; k++) {
      int p = score ? todo[k].length : 0;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : lr[k]) {
        max = Math.max(max, v);
      }
      double sum = 0;
      double[] mean = new double[p];
      for (int i = 0; i < lr[k].length; i++) {
        double u = weights[i] * Math.exp(lr[k][i] - max);
        sum += u;
        for (int a = 0; a < p; a++) {
          mean[a] += u * t[k][i][a];
        }
      }
      double[] n = new double[1 + p];
      n[0] = max + Math.log(sum);
      for (int a = 0; a < p; a++) {
        n[1 + a] = mean[a] / sum;
      }
      if (!Double.isFinite(n[0])) {
        throw new InvalidValueException(
            "normalize",
            "the weighted mean of r̂ at θ = "
                + Arrays.toString(todo[k])
                + " over the normalisation events is not positive and finite (negative event"
                + " weights at θ1, or a model returning non-finite values); do not normalise this model");
      }
      cache.put(key(todo[k]), n);
      out[missing.get(k)] = n;
    }
    return out;
  }

  private static List<Double> key(double[] theta) {
    return Arrays.stream(theta).boxed().toList();
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    double[] n = logNormalizers(thetas);
    double[][] lr = base.logRatio(events, thetas);
    for (int j = 0; j < thetas.length; j++) {
      for (int e = 0; e < lr[j].length; e++) {
        lr[j][e] -= n[j];
      }
    }
    return lr;
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    double[][] n = cached(scores, thetas, true);
    double[][][] t = base.score(events, thetas);
    for (int j = 0; j < thetas.length; j++) {
      for (double[] row : t[j]) {
        for (int a = 0; a < row.length; a++) {
          row[a] -= n[j][1 + a];
        }
      }
    }
    return t;
  }
}
