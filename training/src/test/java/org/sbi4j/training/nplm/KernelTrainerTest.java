package org.sbi4j.training.nplm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;

class KernelTrainerTest {
  /**
   * Two points, one reference event at 0.5 (weight w) and one data event at 1.5, both centres, σ =
   * 1 (κ = e^{−1/2} between them). With K invertible the optimum of J satisfies c_i (p_i − y_i)/2 +
   * λ α_i = 0, so choosing the answer f_R = −ln 2, f_D = ln 3 fixes α = K⁻¹ f, λ = 1/(8 α_D) and w
   * = −6 λ α_R; t = 2 (f_D − w (e^{f_R} − 1)) = 2 ln 3 + w.
   */
  @Test
  void twoPointProblemHasItsClosedForm() {
    double kappa = Math.exp(-0.5);
    double fr = -Math.log(2);
    double fd = Math.log(3);
    double ar = (fr - kappa * fd) / (1 - kappa * kappa);
    double ad = (fd - kappa * fr) / (1 - kappa * kappa);
    double lambda = 1 / (8 * ad);
    double w = -6 * lambda * ar;
    NplmProblem p =
        new NplmProblem(
            1, new double[] {0.5}, new double[] {w}, new double[] {1.5}, new double[] {1});
    NplmFit fit = KernelTrainer.train(p, KernelConfig.of(2, 1, lambda), 1);
    // Newton converges to 1e−10 of the decrement; the K_MM jitter (2e−10 on the diagonal)
    // moves the optimum by a few 1e−10: 1e−8 bounds both.
    assertEquals(fr, fit.model().f(new double[] {0.5}), 1e-8);
    assertEquals(fd, fit.model().f(new double[] {1.5}), 1e-8);
    assertEquals(2 * Math.log(3) + w, fit.t(), 1e-8);
  }

  /**
   * With every event a centre (M = N) the Nyström model is the exact kernel logistic regression.
   * The reference solves the exact problem independently, in function space: with K invertible the
   * optimum is the root of F(f) = f + K (c ⊙ (σ(f) − y)) / (nλ), found by Newton's method with a
   * dense Gaussian elimination (no whitening, no conjugate gradients).
   */
  @Test
  void nystromWithAllPointsAsCentresIsTheExactKernelSolution() {
    UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
    int nr = 24;
    int nd = 8;
    double[] ref = new double[nr];
    double[] data = new double[nd];
    for (int i = 0; i < nr; i++) {
      ref[i] = -Math.log(1 - r.nextDouble());
    }
    for (int i = 0; i < nd; i++) {
      data[i] = 0.5 + 2 * r.nextDouble();
    }
    NplmProblem p = NplmProblem.weighted(1, ref, null, data, null, 6);
    double sigma = 0.7;
    double lambda = 0.01;
    NplmFit fit = KernelTrainer.train(p, KernelConfig.of(nr + nd, sigma, lambda), 4);
    Standardization s = Standardization.of(p);
    double[] x = new double[nr + nd];
    System.arraycopy(s.apply(ref), 0, x, 0, nr);
    System.arraycopy(s.apply(data), 0, x, nr, nd);
    double[] c = new double[nr + nd];
    double[] y = new double[nr + nd];
    for (int i = 0; i < nr + nd; i++) {
      c[i] = i < nr ? p.referenceWeights()[i] : 1;
      y[i] = i < nr ? 0 : 1;
    }
    double[] exact = exactKernelLogistic(x, c, y, sigma, lambda);
    double t = 0;
    for (int i = 0; i < nr + nd; i++) {
      double raw = i < nr ? ref[i] : data[i - nr];
      // the jitter 1e−10·M on K_MM's diagonal perturbs the regulariser by ~3e−9 relative to its
      // smallest useful eigenvalues here; 1e−6 leaves two orders of magnitude.
      assertEquals(exact[i], fit.model().f(new double[] {raw}), 1e-6, "f at event " + i);
      t += i < nr ? -c[i] * Math.expm1(exact[i]) : exact[i];
    }
    assertEquals(2 * t, fit.t(), 1e-5);
  }

  @Test
  void badSettingsNameTheValue() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> KernelConfig.of(0, 1, 1e-6));
    assertTrue(e.getMessage().contains("centers"), e.getMessage());
    e = assertThrows(InvalidValueException.class, () -> KernelConfig.of(10, -1, 1e-6));
    assertTrue(e.getMessage().contains("sigma"), e.getMessage());
    e = assertThrows(InvalidValueException.class, () -> KernelConfig.of(10, 1, 0));
    assertTrue(e.getMessage().contains("lambda"), e.getMessage());
  }

  private static double[] exactKernelLogistic(
      double[] x, double[] c, double[] y, double sigma, double lambda) {
    int n = x.length;
    double[][] k = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dx = x[i] - x[j];
        k[i][j] = Math.exp(-dx * dx / (2 * sigma * sigma));
      }
    }
    double[] f = new double[n];
    for (int it = 0; it < 100; it++) {
      double[] res = new double[n];
      double[][] jac = new double[n][n];
      for (int i = 0; i < n; i++) {
        res[i] = f[i];
        jac[i][i] = 1;
        for (int j = 0; j < n; j++) {
          double pj = 1 / (1 + Math.exp(-f[j]));
          res[i] += k[i][j] * c[j] * (pj - y[j]) / (n * lambda);
          jac[i][j] += k[i][j] * c[j] * pj * (1 - pj) / (n * lambda);
        }
      }
      double[] step = gauss(jac, res);
      double norm = 0;
      for (int i = 0; i < n; i++) {
        f[i] -= step[i];
        norm = Math.max(norm, Math.abs(step[i]));
      }
      if (norm < 1e-14) {
        break;
      }
    }
    return f;
  }

  /** Solves a x = b by Gaussian elimination with partial pivoting (a and b are consumed). */
  private static double[] gauss(double[][] a, double[] b) {
    int n = b.length;
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int i = col + 1; i < n; i++) {
        if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) {
          piv = i;
        }
      }
      double[] tr = a[col];
      a[col] = a[piv];
      a[piv] = tr;
      double tb = b[col];
      b[col] = b[piv];
      b[piv] = tb;
      for (int i = col + 1; i < n; i++) {
        double fac = a[i][col] / a[col][col];
        for (int j = col; j < n; j++) {
          a[i][j] -= fac * a[col][j];
        }
        b[i] -= fac * b[col];
      }
    }
    double[] out = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int j = i + 1; j < n; j++) {
        s -= a[i][j] * out[j];
      }
      out[i] = s / a[i][i];
    }
    return out;
  }
}
