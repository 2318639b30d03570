package org.sbi4j.training.nplm;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.common.Seeds;

/**
 * Trains the kernel NPLM f (docs/math.md §5.7): weighted kernel logistic regression of data (label
 * 1, weight w_D) against reference (label 0, weight w_R) on standardised x, restricted to the span
 * of M Nyström centres,
 *
 * <p>J(α) = (1/n) Σ_i c_i ℓ(y_i, f(x_i)) + (λ/2) αᵀ K_MM α, f = K_nM α,
 *
 * <p>minimised by damped Newton steps in the whitened coordinates β = Lᵀ α (K_MM = L Lᵀ), each
 * Newton system solved by conjugate gradients preconditioned with (ΣD/(nM)) LᵀL + λ I (Falkon's
 * preconditioner for a uniform choice of centres). The statistic is the NPLM t of the learned f.
 */
public final class KernelTrainer {
  /** Reference rows used to pick the automatic σ. */
  static final int SIGMA_ROWS = 1000;

  /** Relative jitter added to the diagonal of K_MM so that duplicate centres stay factorable. */
  static final double JITTER = 1e-10;

  private KernelTrainer() {}

  /** Trains f on {@code problem}; same seed → same centres → same fit. */
  public static NplmFit train(NplmProblem problem, KernelConfig config, long seed) {
    Standardization input = Standardization.of(problem);
    NplmProblem p = input.apply(problem);
    int d = p.dimension();
    int nr = p.referenceSize();
    int nd = p.dataSize();
    int n = nr + nd;
    double[] x = new double[n * d];
    System.arraycopy(p.reference(), 0, x, 0, nr * d);
    System.arraycopy(p.data(), 0, x, nr * d, nd * d);
    double[] c = new double[n];
    double[] y = new double[n];
    System.arraycopy(p.referenceWeights(), 0, c, 0, nr);
    System.arraycopy(p.dataWeights(), 0, c, nr, nd);
    Arrays.fill(y, nr, n, 1.0);
    double sigma =
        Double.isNaN(config.sigma()) ? automaticSigma(p, Seeds.derive(seed, 1)) : config.sigma();
    double[] centers = centers(x, d, Math.min(config.centers(), n), Seeds.derive(seed, 0));
    int m = centers.length / d;
    long entries = (long) n * m;
    MemoryBudget.require(
        "centers",
        "kernel entries (events × centres)",
        entries,
        entries <= KernelMatrix.DOUBLE_ENTRIES ? 8 : 4,
        "use fewer centres or a smaller reference");
    KernelMatrix knm = new KernelMatrix(x, centers, d, sigma);
    double[] kmm = new KernelMatrix(centers, centers, d, sigma).denseCopy();
    for (int j = 0; j < m; j++) {
      kmm[j * m + j] += JITTER * m;
    }
    DenseCholesky chol = new DenseCholesky(kmm, m);
    Solver solver = new Solver(knm, chol, c, y, config);
    double[] beta = solver.minimize();
    double[] alpha = beta.clone();
    chol.solveUpper(alpha);
    double[] f = new double[n];
    knm.times(alpha, f);
    double t = 0;
    for (int i = 0; i < n; i++) {
      t += i < nr ? -c[i] * Math.expm1(f[i]) : c[i] * f[i];
    }
    t *= 2;
    return new NplmFit(
        new KernelModel(centers, alpha, sigma, input), -t / 2, solver.newton, solver.cg);
  }

  /** M rows of x (n × d) drawn uniformly without replacement (all n rows, in order, if M ≥ n). */
  static double[] centers(double[] x, int d, int m, long seed) {
    int n = x.length / d;
    if (m >= n) {
      return x.clone();
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    double[] out = new double[m * d];
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(n - i);
      int tmp = index[i];
      index[i] = index[j];
      index[j] = tmp;
      System.arraycopy(x, index[i] * d, out, i * d, d);
    }
    return out;
  }

  /**
   * The 90th percentile of the pairwise distances among up to {@link #SIGMA_ROWS} reference rows
   * (standardised), the NPLM-kernel authors' rule of thumb; 1 if they are all equal.
   */
  static double automaticSigma(NplmProblem standardized, long seed) {
    int d = standardized.dimension();
    double[] rows =
        centers(
            standardized.reference(), d, Math.min(SIGMA_ROWS, standardized.referenceSize()), seed);
    int k = rows.length / d;
    double[] dist = new double[k * (k - 1) / 2];
    int q = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        dist[q++] = Math.sqrt(KernelMatrix.squaredDistance(rows, i, rows, j, d));
      }
    }
    if (dist.length == 0) {
      return 1;
    }
    Arrays.sort(dist);
    double s = dist[(int) Math.floor(0.9 * (dist.length - 1))];
    return s > 0 ? s : 1;
  }

  /** Damped Newton with preconditioned CG in β. */
  private static final class Solver {
    private final KernelMatrix k;
    private final DenseCholesky chol;
    private final double[] c;
    private final double[] y;
    private final KernelConfig config;
    private final int n;
    private final int m;
    private final double[] f;
    private final double[] dd;
    private final double[] ddn;
    int newton;
    int cg;

    Solver(KernelMatrix k, DenseCholesky chol, double[] c, double[] y, KernelConfig config) {
      this.k = k;
      this.chol = chol;
      this.c = c;
      this.y = y;
      this.config = config;
      this.n = k.rows();
      this.m = k.cols();
      this.f = new double[n];
      this.dd = new double[n];
      this.ddn = new double[n];
    }

    double[] minimize() {
      double[] beta = new double[m];
      // β = 0: f = 0, no sweep needed
      double j = loss(beta, f);
      double[] g = new double[m];
      double[] df = new double[n];
      double[] ft = new double[n];
      for (newton = 0; newton < config.maxNewton(); ) {
        gradientAndCurvature(beta, g);
        double[] step = solve(g);
        newton++;
        double slope = 0;
        for (int a = 0; a < m; a++) {
          slope += g[a] * step[a];
        }
        if (!(slope < 0)) {
          break;
        }
        // a small decrement ends the iteration after this step (Newton's quadratic convergence
        // then leaves an error of the order of its square).
        boolean last = -slope / 2 <= config.tolerance() * (1 + Math.abs(j));
        // f is linear in β: one sweep gives the direction of f, then every trial is O(n).
        double[] u = step.clone();
        chol.solveUpper(u);
        k.times(u, df);
        double s = 1;
        double[] trial = new double[m];
        double jt = Double.POSITIVE_INFINITY;
        for (int back = 0; back < 40; back++) {
          for (int a = 0; a < m; a++) {
            trial[a] = beta[a] + s * step[a];
          }
          for (int i = 0; i < n; i++) {
            ft[i] = f[i] + s * df[i];
          }
          jt = loss(trial, ft);
          if (jt <= j + 1e-4 * s * slope) {
            break;
          }
          s /= 2;
        }
        if (!(jt <= j)) {
          break;
        }
        beta = trial;
        j = jt;
        System.arraycopy(ft, 0, f, 0, n);
        if (last) {
          break;
        }
      }
      return beta;
    }

    /** J(β) for f = K_nM α of this β. */
    double loss(double[] beta, double[] fx) {
      double loss = 0;
      for (int i = 0; i < n; i++) {
        // ℓ = log(1 + e^{−f}) for y = 1, log(1 + e^{f}) for y = 0, computed without overflow.
        double z = y[i] > 0 ? -fx[i] : fx[i];
        loss += c[i] * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
      }
      double reg = 0;
      for (double b : beta) {
        reg += b * b;
      }
      return loss / n + 0.5 * config.lambda() * reg;
    }

    /**
     * g = ∇_β J at β (f = K_nM α of this β, kept up to date by {@link #minimize}); sets the
     * curvature weights D_i = c_i p_i (1 − p_i).
     */
    void gradientAndCurvature(double[] beta, double[] g) {
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-f[i]));
        r[i] = c[i] * (p - y[i]) / n;
        dd[i] = c[i] * p * (1 - p);
        ddn[i] = dd[i] / n;
      }
      k.transposeTimes(r, g);
      chol.solveLower(g);
      for (int a = 0; a < m; a++) {
        g[a] += config.lambda() * beta[a];
      }
    }

    /** H v = L⁻¹ (1/n) K_nMᵀ D K_nM L⁻ᵀ v + λ v, in one sweep over K_nM. */
    double[] hessianTimes(double[] v) {
      double[] u = v.clone();
      chol.solveUpper(u);
      double[] out = new double[m];
      k.gramTimes(u, ddn, out);
      chol.solveLower(out);
      for (int a = 0; a < m; a++) {
        out[a] += config.lambda() * v[a];
      }
      return out;
    }

    /** Solves H Δ = −g by CG preconditioned with (ΣD/(nM)) LᵀL + λ I. */
    double[] solve(double[] g) {
      double sum = 0;
      for (double v : dd) {
        sum += v;
      }
      double[] pre = chol.transposeTimesSelf();
      double scale = sum / ((double) n * m);
      for (int i = 0; i < m * m; i++) {
        pre[i] *= scale;
      }
      for (int a = 0; a < m; a++) {
        pre[a * m + a] += config.lambda();
      }
      DenseCholesky p = new DenseCholesky(pre, m);
      double[] xk = new double[m];
      double[] r = new double[m];
      for (int a = 0; a < m; a++) {
        r[a] = -g[a];
      }
      double[] z = r.clone();
      p.solve(z);
      double[] dir = z.clone();
      double rz = dot(r, z);
      double rz0 = rz;
      for (int it = 0;
          it < config.maxCg() && rz > config.tolerance() * config.tolerance() * rz0;
          it++) {
        double[] hd = hessianTimes(dir);
        cg++;
        double curv = dot(dir, hd);
        if (!(curv > 0)) {
          break;
        }
        double a = rz / curv;
        for (int q = 0; q < m; q++) {
          xk[q] += a * dir[q];
          r[q] -= a * hd[q];
        }
        z = r.clone();
        p.solve(z);
        double rzNew = dot(r, z);
        double b = rzNew / rz;
        rz = rzNew;
        for (int q = 0; q < m; q++) {
          dir[q] = z[q] + b * dir[q];
        }
      }
      return xk;
    }

    private static double dot(double[] a, double[] b) {
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += a[i] * b[i];
      }
      return s;
    }
  }
}
