package org.sbi4j.training.model;

import org.sbi4j.samples.estimators.Prediction;

/** The members' mean and population spread, as every ensemble evaluation reports them. */
final class MemberStats {
  private MemberStats() {}

  /**
   * Member mean and population spread: v[member][c][i] holds output c of row i (then the ratio
   * models' tangents, divided here by the θ scale).
   */
  static Prediction combine(double[][][] v, int n, boolean ratio, int p, Scaling thetaScaling) {
    int m = v.length;
    double[] scale = ratio ? thetaScaling.scale() : null;
    double[][] t = new double[m][n * p];
    double[][] lr = ratio ? new double[m][] : null;
    for (int g = 0; g < m; g++) {
      if (ratio) {
        lr[g] = v[g][0];
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < p; k++) {
            t[g][i * p + k] = v[g][1 + k][i] / scale[k];
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < p; k++) {
            t[g][i * p + k] = v[g][k][i];
          }
        }
      }
    }
    double[][] lrStats = ratio ? meanStd(lr) : new double[][] {null, null};
    double[][] tStats = meanStd(t);
    return new Prediction(lrStats[0], lrStats[1], tStats[0], tStats[1]);
  }

  /** Per position i: the mean over the members v[m][i] and their population spread. */
  static double[][] meanStd(double[][] v) {
    int m = v.length;
    int len = v[0].length;
    double[] mean = new double[len];
    double[] std = new double[len];
    for (int i = 0; i < len; i++) {
      double s = 0;
      for (double[] member : v) {
        s += member[i];
      }
      double mu = s / m;
      double ss = 0;
      for (double[] member : v) {
        ss += (member[i] - mu) * (member[i] - mu);
      }
      mean[i] = mu;
      std[i] = Math.sqrt(ss / m);
    }
    return new double[][] {mean, std};
  }
}
