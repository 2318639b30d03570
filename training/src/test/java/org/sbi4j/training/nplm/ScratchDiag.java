package org.sbi4j.training.nplm;

import org.junit.jupiter.api.Test;

class ScratchDiag {
  @Test
  void diag() {
    NplmProblem problem = NplmTrainerTest.exponential(5000, 230, 200, 5);
    NplmTrainingConfig config = NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9);
    double[] lo = config.lowerBounds(), hi = config.upperBounds();
    FusedLoss f = new FusedLoss(config.network(), problem, 1);
    ProjectedLbfgs lb = new ProjectedLbfgs(10, 20000, 0, 1e-9);
    for (long seed = 1; seed <= 4; seed++) {
      StringBuilder sb = new StringBuilder("seed " + seed);
      for (int warm : new int[] {300, 1000, 3000}) {
        for (double lr : new double[] {0.01, 0.05}) {
          long t0 = System.nanoTime();
          double[] x = config.network().initialParameters(seed);
          Adam.withLearningRate(lr).minimize(f, x, lo, hi, warm);
          ProjectedLbfgs.Result r = lb.minimize(f, x, lo, hi);
          sb.append(String.format(" A%d@%.2f:%.4f(%.1fs)", warm, lr, -2 * r.value(), (System.nanoTime() - t0) / 1e9));
        }
      }
      // homotopy in the clip
      long t0 = System.nanoTime();
      double[] x = config.network().initialParameters(seed);
      for (double w : new double[] {1, 3, 9}) {
        double[] l2 = lo.clone(), h2 = hi.clone();
        for (int i = 0; i < l2.length; i++) { if (Double.isFinite(l2[i])) { l2[i] = -w; h2[i] = w; } }
        x = lb.minimize(f, x, l2, h2).x();
      }
      double[] g = new double[13];
      sb.append(String.format(" homotopy:%.4f(%.1fs)", -2 * f.valueAndGradient(x, g), (System.nanoTime() - t0) / 1e9));
      t0 = System.nanoTime();
      double[] xa = config.network().initialParameters(seed);
      double la = Adam.withLearningRate(0.01).minimize(f, xa, lo, hi, 20000);
      sb.append(String.format(" adam20k:%.4f(%.1fs)", -2 * la, (System.nanoTime() - t0) / 1e9));
      System.out.println(sb);
    }
  }
}
