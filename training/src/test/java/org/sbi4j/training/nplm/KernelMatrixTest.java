package org.sbi4j.training.nplm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sbi4j.training.simd.VectorSupport;

/**
 * The kernel block's storage and sweeps: the single-precision block (scalar and SIMD) against the
 * double-precision one and against naive loops over exp(−‖x − c‖²/(2σ²)).
 */
class KernelMatrixTest {
  static final int N = 301;
  static final int M = 37; // not a multiple of any vector length: the tails are exercised
  static final int D = 2;

  @Test
  void singlePrecisionSweepsMatchTheNaiveDoubleSums() {
    Random r = new Random(4);
    double[] x = new double[N * D];
    double[] c = new double[M * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextGaussian();
    }
    double sigma = 0.8;
    double[] u = new double[M];
    double[] v = new double[N];
    double[] w = new double[N];
    for (int j = 0; j < M; j++) {
      u[j] = r.nextGaussian();
    }
    for (int i = 0; i < N; i++) {
      v[i] = r.nextGaussian();
      w[i] = r.nextDouble();
    }
    double[][] k = new double[N][M];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < M; j++) {
        k[i][j] = Math.exp(-KernelMatrix.squaredDistance(x, i, c, j, D) / (2 * sigma * sigma));
      }
    }
    double[] ku = new double[N];
    double[] ktv = new double[M];
    double[] gram = new double[M];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < M; j++) {
        ku[i] += k[i][j] * u[j];
        ktv[j] += k[i][j] * v[i];
      }
    }
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < M; j++) {
        gram[j] += k[i][j] * w[i] * ku[i];
      }
    }
    boolean[][] modes = {{false, false}, {true, false}, {true, VectorSupport.AVAILABLE}};
    for (boolean[] mode : modes) {
      KernelMatrix km = new KernelMatrix(x, c, D, sigma, mode[0], mode[1]);
      // single precision stores each entry to 2^−24 relative; the sums below have |terms| ≤ a few
      // and M or N terms, so 1e−6 relative of their absolute size bounds the difference (double
      // storage: rounding only, far below).
      double tol = mode[0] ? 1e-6 : 1e-12;
      double[] dense = km.denseCopy();
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < M; j++) {
          assertEquals(k[i][j], dense[i * M + j], tol * k[i][j] + 1e-300, "entry");
        }
      }
      double[] out = new double[N];
      km.times(u, out);
      for (int i = 0; i < N; i++) {
        assertEquals(ku[i], out[i], tol * M * 4, "K u, mode " + mode[0] + mode[1]);
      }
      double[] outM = new double[M];
      km.transposeTimes(v, outM);
      for (int j = 0; j < M; j++) {
        assertEquals(ktv[j], outM[j], tol * N * 4, "Kᵀ v");
      }
      km.gramTimes(u, w, outM);
      for (int j = 0; j < M; j++) {
        assertEquals(gram[j], outM[j], tol * N * M * 4, "Kᵀ diag(w) K u");
      }
    }
  }
}
