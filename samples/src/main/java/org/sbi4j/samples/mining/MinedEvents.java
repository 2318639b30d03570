package org.sbi4j.samples.mining;

import java.util.Arrays;

/**
 * Per-event mining results in the source's order (docs/cli.md, {@code mine}): dσ_e(θ0), dσ_e(θ1)
 * (n), log r(x,z|θ0,θ1) (n), t(x,z|θ0), t(x,z|θ1) (n × p row-major), valid (false where dσ_e ≤ 0 at
 * θ0 or θ1: there log r and t are set to 0), and σ(θ0), σ(θ1).
 */
public record MinedEvents(
    double sigma0,
    double sigma1,
    double[] dsigma0,
    double[] dsigma1,
    double[] logR,
    double[] t0,
    double[] t1,
    boolean[] valid,
    int parameters,
    NegativeWeights negatives)
    implements java.io.Serializable {

  /** Number of events. */
  public int size() {
    return dsigma0.length;
  }

  /** The results of consecutive parts, concatenated in order (σ from the first part). */
  public static MinedEvents concatenate(java.util.List<MinedEvents> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    int n = parts.stream().mapToInt(MinedEvents::size).sum();
    int p = parts.get(0).parameters();
    Builder b = new Builder(n, p);
    int at = 0;
    long bad = 0;
    double badAbs = 0;
    double totalAbs = 0;
    for (MinedEvents m : parts) {
      int k = m.size();
      System.arraycopy(m.dsigma0, 0, b.d0, at, k);
      System.arraycopy(m.dsigma1, 0, b.d1, at, k);
      System.arraycopy(m.logR, 0, b.logR, at, k);
      System.arraycopy(m.t0, 0, b.t0, at * p, k * p);
      System.arraycopy(m.t1, 0, b.t1, at * p, k * p);
      System.arraycopy(m.valid, 0, b.valid, at, k);
      at += k;
      bad += m.negatives.count();
      for (int i = 0; i < k; i++) {
        double abs = Math.abs(m.dsigma0[i]) + Math.abs(m.dsigma1[i]);
        totalAbs += abs;
        badAbs += m.valid[i] ? 0 : abs;
      }
    }
    MinedEvents first = parts.get(0);
    return new MinedEvents(
        first.sigma0,
        first.sigma1,
        b.d0,
        b.d1,
        b.logR,
        b.t0,
        b.t1,
        b.valid,
        p,
        new NegativeWeights(bad, totalAbs > 0 ? badAbs / totalAbs : 0, "θ0 or θ1"));
  }

  /** Collects results event by event. */
  static final class Builder {
    private final int p;
    private final double[] d0;
    private final double[] d1;
    private final double[] logR;
    private final double[] t0;
    private final double[] t1;
    private final boolean[] valid;
    private long bad;
    private double badAbs;
    private double totalAbs;
    private Double logSigmaRatio;

    Builder(int n, int p) {
      this.p = p;
      d0 = new double[n];
      d1 = new double[n];
      logR = new double[n];
      t0 = new double[n * p];
      t1 = new double[n * p];
      valid = new boolean[n];
    }

    void put(
        int i,
        double dsigma0,
        double dsigma1,
        ThetaPoint p0,
        ThetaPoint p1,
        double[] g0,
        double[] g1) {
      if (record(i, dsigma0, dsigma1)) {
        logR[i] = Math.log(dsigma0 / dsigma1) - logSigmaRatio(p0, p1);
        p0.score(dsigma0, g0, t0, i * p);
        p1.score(dsigma1, g1, t1, i * p);
      }
    }

    /** As the θ-only put, at points (θ0, ν0) and (θ1, ν1); g0, g1 over θ ⊕ ν. */
    void put(
        int i,
        double dsigma0,
        double dsigma1,
        JointPoint p0,
        JointPoint p1,
        double[] g0,
        double[] g1) {
      if (record(i, dsigma0, dsigma1)) {
        logR[i] = p0.logDensity(dsigma0) - p1.logDensity(dsigma1);
        p0.score(dsigma0, g0, t0, i * p);
        p1.score(dsigma1, g1, t1, i * p);
      }
    }

    /** Stores dσ at θ0 and θ1 and counts the weight; true where both are positive (valid). */
    private boolean record(int i, double dsigma0, double dsigma1) {
      d0[i] = dsigma0;
      d1[i] = dsigma1;
      double abs = Math.abs(dsigma0) + Math.abs(dsigma1);
      totalAbs += abs;
      if (dsigma0 > 0 && dsigma1 > 0) {
        valid[i] = true;
        return true;
      }
      bad++;
      badAbs += abs;
      return false;
    }

    private double logSigmaRatio(ThetaPoint p0, ThetaPoint p1) {
      if (logSigmaRatio == null) {
        logSigmaRatio = Math.log(p0.sigma() / p1.sigma());
      }
      return logSigmaRatio;
    }

    MinedEvents build(double sigma0, double sigma1) {
      NegativeWeights neg =
          new NegativeWeights(bad, totalAbs > 0 ? badAbs / totalAbs : 0, "θ0 or θ1");
      return new MinedEvents(sigma0, sigma1, d0, d1, logR, t0, t1, valid, p, neg);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinedEvents m
        && Arrays.equals(logR, m.logR)
        && Arrays.equals(t0, m.t0)
        && Arrays.equals(t1, m.t1)
        && Arrays.equals(dsigma0, m.dsigma0)
        && Arrays.equals(dsigma1, m.dsigma1);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(logR);
  }
}
