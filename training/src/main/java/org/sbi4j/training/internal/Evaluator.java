package org.sbi4j.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.samples.estimators.Prediction;

/**
 * Runs a model's members on raw rows: standardises them, feeds the inference graphs in chunks,
 * undoes the θ scaling of t̂ and averages over members. Not thread-safe: callers synchronise.
 */
public final class Evaluator {
  private static final int CHUNK = 8192;
  private final ModelData model;
  private final List<SameDiff> graphs = new ArrayList<>();

  public Evaluator(ModelData model) {
    Nd4jRuntime.configure();
    this.model = model;
    DataType type = model.precision().dataType();
    for (Network n : model.members()) {
      graphs.add(model.isRatio() ? Graphs.ratio(n, model.parameters().size(), type, null, 0, 0)
          : Graphs.score(n, type, false));
    }
  }

  /**
   * Predictions for n rows.
   *
   * @param theta n × p raw θ0 rows (ignored for SALLY, may be null)
   * @param x n × d raw features in the model's observable order
   */
  public Prediction predict(double[] theta, double[] x, int n) {
    int p = model.parameters().size();
    int d = model.observables().size();
    boolean ratio = model.isRatio();
    int width = ratio ? p + d : d;
    double[] input = new double[n * width];
    for (int i = 0; i < n; i++) {
      int o = i * width;
      if (ratio) {
        for (int k = 0; k < p; k++) {
          input[o + k] = model.thetaScaling().apply(k, theta[i * p + k]);
        }
        o += p;
      }
      for (int j = 0; j < d; j++) {
        input[o + j] = model.xScaling().apply(j, x[i * d + j]);
      }
    }
    int m = graphs.size();
    double[][] lr = ratio ? new double[m][n] : null;
    double[][] t = new double[m][n * p];
    DataType type = model.precision().dataType();
    for (int g = 0; g < m; g++) {
      for (int from = 0; from < n; from += CHUNK) {
        int to = Math.min(n, from + CHUNK);
        double[] chunk = new double[(to - from) * width];
        System.arraycopy(input, from * width, chunk, 0, chunk.length);
        INDArray in = Nd4j.create(chunk, new long[] {to - from, width}, type);
        Map<String, INDArray> feed = new java.util.HashMap<>(
            Graphs.inputTangents(to - from, width, ratio ? p : 0, type));
        feed.put(Graphs.INPUT, in);
        Map<String, INDArray> out = ratio
            ? graphs.get(g).output(feed, Graphs.LOG_R_HAT, Graphs.T_HAT)
            : graphs.get(g).output(feed, Graphs.T_HAT);
        double[] tv = flat(out.get(Graphs.T_HAT));
        System.arraycopy(tv, 0, t[g], from * p, tv.length);
        if (ratio) {
          double[] lv = flat(out.get(Graphs.LOG_R_HAT));
          System.arraycopy(lv, 0, lr[g], from, lv.length);
        }
      }
      if (ratio) {
        double[] scale = model.thetaScaling().scale();
        for (int r = 0; r < n * p; r++) {
          t[g][r] /= scale[r % p];
        }
      }
    }
    double[][] lrStats = ratio ? meanStd(lr) : new double[][] {null, null};
    double[][] tStats = meanStd(t);
    return new Prediction(lrStats[0], lrStats[1], tStats[0], tStats[1]);
  }

  private static double[] flat(INDArray a) {
    return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  private static double[][] meanStd(double[][] v) {
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
