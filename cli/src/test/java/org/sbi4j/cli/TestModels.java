package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;

/**
 * Small models trained through {@code sbi4j train} once per JVM (float64 ensembles of two members,
 * so that the {@code *_std} outputs are non-zero), and a naive oracle of what a model folder
 * predicts: {@link Network#forward} of every member on the standardised inputs of docs/math.md
 * §3.1–3.2, t̂ by central differences in raw θ, then the member mean and population spread (§3.6).
 */
final class TestModels {
  private static Path ratioEnsemble;
  private static Path sallyEnsemble;

  private TestModels() {}

  /** An ALICES float64 ensemble of 2 on the Gaussian toy (observables [x], parameter [theta]). */
  static synchronized Path ratioEnsemble() {
    if (ratioEnsemble == null) {
      ratioEnsemble = train("alices", GaussianToy.ratioSample(400, 3));
    }
    return ratioEnsemble;
  }

  /** A SALLY float64 ensemble of 2 on the Gaussian toy (t̂ at θ_ref = 0). */
  static synchronized Path sallyEnsemble() {
    if (sallyEnsemble == null) {
      sallyEnsemble = train("sally", GaussianToy.scoreSample(400, 4));
    }
    return sallyEnsemble;
  }

  private static Path train(String method, EventSample trainingSample) {
    try {
      Path dir = Files.createTempDirectory("sbi4j-cli-models");
      Path sample = dir.resolve(method + ".h5");
      TrainingFiles.write(sample, trainingSample);
      Path config = dir.resolve("config.yaml");
      Files.writeString(
          config, "hiddenLayers: [6, 6]\nepochs: 2\nensembleSize: 2\nprecision: FLOAT64\n");
      Path model = dir.resolve(method);
      CliRun run =
          CliRun.of("train --method", method, "--data", sample, "--config", config, "--out", model);
      assertEquals(0, run.exitCode(), run.err());
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A dataset of an evaluate output file, flattened row-major. */
  static double[] dataset(Path h5, String name) {
    try (HdfFile f = new HdfFile(h5)) {
      Object data = f.getDatasetByPath(name).getData();
      if (data instanceof double[] v) {
        return v;
      }
      List<Double> flat = new ArrayList<>();
      for (double[] row : (double[][]) data) {
        for (double v : row) {
          flat.add(v);
        }
      }
      return flat.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  /** Whether an evaluate output file has the dataset {@code name}. */
  static boolean hasDataset(Path h5, String name) {
    try (HdfFile f = new HdfFile(h5)) {
      return f.getChildren().containsKey(name);
    }
  }

  /**
   * The naive oracle: {mean log r̂ (n; null for SALLY), its spread, mean t̂ (n × p), its spread}.
   *
   * @param theta n × p raw θ0 rows (ignored for SALLY)
   * @param x n × d raw features in the model's observable order
   */
  static double[][] naive(ModelData m, double[] theta, double[] x) {
    int p = m.parameters().size();
    int d = m.observables().size();
    int n = x.length / d;
    int members = m.members().size();
    double[][] lr = new double[members][n];
    double[][] t = new double[members][n * p];
    for (int g = 0; g < members; g++) {
      Network net = m.members().get(g);
      for (int i = 0; i < n; i++) {
        double[] xi = new double[d];
        for (int j = 0; j < d; j++) {
          xi[j] = m.xScaling().apply(j, x[i * d + j]);
        }
        if (!m.isRatio()) {
          System.arraycopy(net.forward(xi), 0, t[g], i * p, p);
          continue;
        }
        double[] th = java.util.Arrays.copyOfRange(theta, i * p, i * p + p);
        lr[g][i] = net.forward(input(m, th, xi))[0];
        for (int k = 0; k < p; k++) {
          // Central difference in raw θ: truncation h²|∂³ log r̂|/6 ~ 1e-11 and rounding
          // ε|log r̂|/h ~ 1e-11 for h = 1e-5 and O(1) derivatives.
          double h = 1e-5;
          double[] up = th.clone();
          double[] down = th.clone();
          up[k] += h;
          down[k] -= h;
          t[g][i * p + k] =
              (net.forward(input(m, up, xi))[0] - net.forward(input(m, down, xi))[0]) / (2 * h);
        }
      }
    }
    double[][] lrStats = m.isRatio() ? meanStd(lr) : new double[][] {null, null};
    double[][] tStats = meanStd(t);
    return new double[][] {lrStats[0], lrStats[1], tStats[0], tStats[1]};
  }

  /** concat((θ0 − μ_θ)/σ_θ, x̃): θ0 first (docs/math.md §3.1). */
  private static double[] input(ModelData m, double[] theta, double[] xStd) {
    int p = theta.length;
    double[] in = new double[p + xStd.length];
    for (int k = 0; k < p; k++) {
      in[k] = m.thetaScaling().apply(k, theta[k]);
    }
    System.arraycopy(xStd, 0, in, p, xStd.length);
    return in;
  }

  /**
   * Member mean and population standard deviation (divide by K) of each entry; the spread by the
   * pairwise identity σ² = Σ_{a<b} (v_a − v_b)² / K², not the library's two-pass form.
   */
  private static double[][] meanStd(double[][] v) {
    int k = v.length;
    int len = v[0].length;
    double[] mean = new double[len];
    double[] std = new double[len];
    for (int i = 0; i < len; i++) {
      double s = 0;
      double ss = 0;
      for (int a = 0; a < k; a++) {
        s += v[a][i];
        for (int b = a + 1; b < k; b++) {
          ss += (v[a][i] - v[b][i]) * (v[a][i] - v[b][i]);
        }
      }
      mean[i] = s / k;
      std[i] = Math.sqrt(ss) / k;
    }
    return new double[][] {mean, std};
  }

  /** max |a − b| over the entries. */
  static double maxDiff(double[] a, double[] b) {
    assertEquals(a.length, b.length);
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
