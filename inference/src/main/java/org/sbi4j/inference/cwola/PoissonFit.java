package org.sbi4j.inference.cwola;

/**
 * Maximum-likelihood fit of a log-linear Poisson background to binned counts with bins grouped: bin
 * b has mean μ_b = exp(x_b·p + o_b), a group g of bins is one Poisson observation with mean Σ_{b∈g}
 * μ_b and count Σ_{b∈g} N_b. Damped Newton (Levenberg) on the 3 parameters.
 */
final class PoissonFit {
  private final double[][] x;
  private final double[] offset;
  private final double[] counts;
  private final int k;

  PoissonFit(double[][] design, double[] offset, double[] counts) {
    this.x = design;
    this.offset = offset;
    this.counts = counts;
    this.k = design[0].length;
  }

  double groupMean(double[] p, int[] group) {
    double mu = 0;
    for (int b : group) {
      mu += mean(p, b);
    }
    return mu;
  }

  private double mean(double[] p, int b) {
    double s = offset[b];
    for (int j = 0; j < k; j++) {
      s += x[b][j] * p[j];
    }
    return Math.exp(s);
  }

  /** Σ_g N_g ln μ_g − μ_g (without the constant −ln N_g!). */
  double logLikelihood(double[] p, int[][] groups) {
    double l = 0;
    for (int[] g : groups) {
      double n = 0;
      for (int b : g) {
        n += counts[b];
      }
      double mu = groupMean(p, g);
      l += (n > 0 ? n * Math.log(mu) : 0) - mu;
    }
    return l;
  }

  /** The maximising p, from the flat background with the groups' mean density. */
  double[] maximize(int[][] groups) {
    double n = 0;
    double width = 0;
    for (int[] g : groups) {
      for (int b : g) {
        n += counts[b];
        width += Math.exp(offset[b]);
      }
    }
    double[] p = new double[k];
    p[0] = Math.log(Math.max(n, 0.5) / width);
    double l = logLikelihood(p, groups);
    double damping = 1e-6;
    for (int it = 0; it < 200; it++) {
      double[] grad = new double[k];
      double[][] neg = new double[k][k];
      for (int[] g : groups) {
        double ng = 0;
        double mu = 0;
        double[] dmu = new double[k];
        double[][] d2 = new double[k][k];
        for (int b : g) {
          ng += counts[b];
          double m = mean(p, b);
          mu += m;
          for (int i = 0; i < k; i++) {
            dmu[i] += m * x[b][i];
            for (int j = 0; j < k; j++) {
              d2[i][j] += m * x[b][i] * x[b][j];
            }
          }
        }
        for (int i = 0; i < k; i++) {
          grad[i] += (ng / mu - 1) * dmu[i];
          for (int j = 0; j < k; j++) {
            neg[i][j] -= (ng / mu - 1) * d2[i][j] - ng / (mu * mu) * dmu[i] * dmu[j];
          }
        }
      }
      double gmax = 0;
      for (double v : grad) {
        gmax = Math.max(gmax, Math.abs(v));
      }
      if (gmax < 1e-9 * Math.max(1, n)) {
        break;
      }
      boolean improved = false;
      for (int tries = 0; tries < 60 && !improved; tries++) {
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
          a[i] = neg[i].clone();
          a[i][i] += damping * (1 + Math.abs(neg[i][i]));
        }
        double[] step = solve(a, grad.clone());
        double[] trial = new double[k];
        for (int i = 0; i < k; i++) {
          trial[i] = p[i] + step[i];
        }
        double lt = logLikelihood(trial, groups);
        if (lt >= l) {
          p = trial;
          improved = lt > l;
          l = lt;
          damping = Math.max(1e-9, damping / 10);
          if (!improved) {
            return p;
          }
        } else {
          damping *= 10;
        }
      }
      if (!improved) {
        break;
      }
    }
    return p;
  }

  /** Solves a·s = g (k × k, Gaussian elimination with partial pivoting). */
  private static double[] solve(double[][] a, double[] g) {
    int n = g.length;
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      double tg = g[c];
      g[c] = g[piv];
      g[piv] = tg;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int j = c; j < n; j++) {
          a[r][j] -= f * a[c][j];
        }
        g[r] -= f * g[c];
      }
    }
    double[] s = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double v = g[r];
      for (int j = r + 1; j < n; j++) {
        v -= a[r][j] * s[j];
      }
      s[r] = v / a[r][r];
    }
    return s;
  }
}
