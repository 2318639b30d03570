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
 * CARL's calibrated ratio (docs/math.md §10.4): r̂_cal(x|θ0,θ1) = p̂(ŝ(x)|θ0) / p̂(ŝ(x)|θ1), with
 * p̂ the histograms of ŝ = 1/(1 + r̂(x|θ0,θ1)) of a calibration sample weighted to θ0 and to θ1.
 * The bins are the same for both histograms, so the bin widths cancel and r̂_cal = A_k / B_k, the
 * normalised weights of θ0 and θ1 in the bin k of x. ŝ is monotone in log r̂, so the bins are cut
 * on log r̂: {@value #BINS} bins at the quantiles of the equal mixture ½(θ0 + θ1), the outer two
 * open; a bin without positive weight under either hypothesis is merged with its neighbour.
 *
 * <p>log r̂_cal(x|θ, θ1) is what {@link #logRatio} returns (θ1 plays θ_ref). The score is taken by
 * central differences of log r̂_cal in θ (step {@value #STEP} per unit of θ). Built for models
 * without nuisance parameters.
 */
public final class CalibratedRatio extends WrappedRatio {
  /** Bins of ŝ (before merging). */
  public static final int BINS = 20;

  /** Finite-difference step of the score. */
  static final double STEP = 1e-3;

  private final MorphedEvents calibration;
  private final double[] theta1;
  private final double[] weights1;
  private final Map<List<Double>, Histograms> cache = new ConcurrentHashMap<>();

  /**
   * @param base the model to calibrate, log r̂(x|θ, θ_ref)
   * @param calibration the calibration events (weighted; not those the result is judged on)
   * @param theta1 θ1, the denominator hypothesis
   */
  public CalibratedRatio(RatioEstimator base, MorphedEvents calibration, double[] theta1) {
    super(base, "calibrate", "the histogram calibration");
    calibration.setup().checkTheta("theta1", theta1);
    this.calibration = calibration;
    this.theta1 = theta1.clone();
    this.weights1 = calibration.dsigma(theta1);
  }

  /**
   * {@code source} calibrated on the validation partition of {@code file} against θ1 = the default
   * reference (θ = 0 when inside every range, else the centre): a ratio model becomes a {@link
   * LimitSource.Ratio} labelled "METHOD calibrated"; histogram baselines are returned as they are.
   */
  public static LimitSource calibrate(LimitSource source, EventSample file) {
    return ValidationWrap.apply(source, file, "calibrated", CalibratedRatio::new);
  }

  /** log r̂(x|θ_j, θ1) of the base model, thetas × events. */
  static double[][] pairLogRatio(
      RatioEstimator model, EventSample events, double[][] thetas, double[] theta1) {
    double[][] all = Arrays.copyOf(thetas, thetas.length + 1);
    all[thetas.length] = theta1;
    double[][] lr = model.logRatio(events, all);
    double[] ref = lr[thetas.length];
    double[][] out = new double[thetas.length][];
    for (int j = 0; j < thetas.length; j++) {
      out[j] = new double[ref.length];
      for (int e = 0; e < ref.length; e++) {
        out[j][e] = lr[j][e] - ref[e];
      }
    }
    return out;
  }

  /** The histograms of each θ0, built once (likelihoods ask in blocks of events). */
  private Histograms[] histograms(double[][] thetas) {
    Histograms[] out = new Histograms[thetas.length];
    List<Integer> missing = new ArrayList<>();
    for (int j = 0; j < thetas.length; j++) {
      out[j] = cache.get(key(thetas[j]));
      if (out[j] == null) {
        missing.add(j);
      }
    }
    if (!missing.isEmpty()) {
      double[][] todo = new double[missing.size()][];
      for (int k = 0; k < todo.length; k++) {
        todo[k] = thetas[missing.get(k)];
      }
      double[][] cal = pairLogRatio(base, calibration.sample(), todo, theta1);
      for (int k = 0; k < todo.length; k++) {
        Histograms h = Histograms.build(cal[k], calibration.dsigma(todo[k]), weights1, BINS);
        cache.put(key(todo[k]), h);
        out[missing.get(k)] = h;
      }
    }
    return out;
  }

  private static List<Double> key(double[] theta) {
    return Arrays.stream(theta).boxed().toList();
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    Histograms[] hs = histograms(thetas);
    double[][] ev = pairLogRatio(base, events, thetas, theta1);
    double[][] out = new double[thetas.length][];
    for (int j = 0; j < thetas.length; j++) {
      Histograms h = hs[j];
      out[j] = new double[ev[j].length];
      for (int e = 0; e < out[j].length; e++) {
        out[j][e] = h.logRatio(ev[j][e]);
      }
    }
    return out;
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    int p = thetas.length == 0 ? 0 : thetas[0].length;
    double[][][] out = new double[thetas.length][events.size()][p];
    for (int j = 0; j < thetas.length; j++) {
      double[][] shifted = new double[2 * p][];
      for (int a = 0; a < p; a++) {
        shifted[2 * a] = thetas[j].clone();
        shifted[2 * a][a] += STEP;
        shifted[2 * a + 1] = thetas[j].clone();
        shifted[2 * a + 1][a] -= STEP;
      }
      double[][] lr = logRatio(events, shifted);
      for (int e = 0; e < events.size(); e++) {
        for (int a = 0; a < p; a++) {
          out[j][e][a] = (lr[2 * a][e] - lr[2 * a + 1][e]) / (2 * STEP);
        }
      }
    }
    return out;
  }

  /**
   * The two histograms of one θ0: interior edges on log r̂ and log(A_k / B_k) per bin.
   *
   * @param edges increasing interior edges; a value v falls in bin (number of edges ≤ v)
   * @param logRatio log(A_k / B_k) per bin
   */
  record Histograms(double[] edges, double[] logRatio) {
    /** Builds the bins from values with θ0 weights {@code a} and θ1 weights {@code b}. */
    static Histograms build(double[] values, double[] a, double[] b, int bins) {
      int n = values.length;
      double sa = 0;
      double sb = 0;
      for (int i = 0; i < n; i++) {
        sa += a[i];
        sb += b[i];
      }
      if (!(sa > 0) || !(sb > 0)) {
        throw new InvalidValueException(
            "calibration events", "carry no positive cross section at θ0 or θ1; give more events");
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
      double[] cuts = new double[bins - 1];
      int m = 0;
      double cum = 0;
      int next = 1;
      for (int k = 0; k < n && next < bins; k++) {
        int i = order[k];
        cum += 0.5 * (a[i] / sa + b[i] / sb);
        while (next < bins && cum >= (double) next / bins && k + 1 < n) {
          double edge = values[order[k + 1]];
          if (edge > values[i] && (m == 0 || edge > cuts[m - 1])) {
            cuts[m++] = edge;
          }
          next++;
        }
      }
      double[] edges = Arrays.copyOf(cuts, m);
      double[] wa = new double[m + 1];
      double[] wb = new double[m + 1];
      for (int i = 0; i < n; i++) {
        int k = bin(edges, values[i]);
        wa[k] += a[i] / sa;
        wb[k] += b[i] / sb;
      }
      return merged(edges, wa, wb);
    }

    /** Merges every bin without positive weight under both hypotheses into its right neighbour. */
    private static Histograms merged(double[] edges, double[] wa, double[] wb) {
      double[] keptEdges = new double[edges.length];
      double[] ra = new double[wa.length];
      double[] rb = new double[wb.length];
      int groups = 0;
      double ca = 0;
      double cb = 0;
      for (int k = 0; k < wa.length; k++) {
        ca += wa[k];
        cb += wb[k];
        if (ca > 0 && cb > 0 && k < edges.length) {
          ra[groups] = ca;
          rb[groups] = cb;
          keptEdges[groups] = edges[k];
          groups++;
          ca = 0;
          cb = 0;
        }
      }
      if (groups == 0) {
        // one bin: both hypotheses have unit weight, log r̂_cal = 0
        return new Histograms(new double[0], new double[] {Math.log((ca) / (cb))});
      }
      if (ca > 0 && cb > 0) {
        ra[groups] = ca;
        rb[groups] = cb;
        groups++;
      } else {
        // the last group lacks weight: it joins the one before, whose upper edge goes
        ra[groups - 1] += ca;
        rb[groups - 1] += cb;
        keptEdges = Arrays.copyOf(keptEdges, groups - 1);
        return new Histograms(keptEdges, logs(ra, rb, groups));
      }
      return new Histograms(Arrays.copyOf(keptEdges, groups - 1), logs(ra, rb, groups));
    }

    private static double[] logs(double[] a, double[] b, int groups) {
      double[] out = new double[groups];
      for (int k = 0; k < groups; k++) {
        out[k] = Math.log(a[k] / b[k]);
      }
      return out;
    }

    static int bin(double[] edges, double v) {
      int lo = 0;
      int hi = edges.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (edges[mid] <= v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    double logRatio(double v) {
      return logRatio[bin(edges, v)];
    }
  }
}
