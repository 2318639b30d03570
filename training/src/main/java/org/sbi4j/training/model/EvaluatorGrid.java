package org.sbi4j.training.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Runs one {@link EvaluatorMember} over the events at one θ for {@link NetworkEvaluator}: tiles of
 * {@value #TILE} rows (float32, the first layer split into a per-event x part and a per-θ θ part)
 * or rows (float64), forward tangents or one reverse pass for the derivatives, and the difference
 * form of a doubly parameterised model (docs/math.md §3.8) as g(θ0, x) − g(θ1, x). Every output
 * depends only on its own row, so results do not depend on how tiles are spread over the cores.
 */
final class EvaluatorGrid {
  static final int TILE = NetworkEvaluator.TILE;

  private final ModelData data;
  private final int p;

  /** θ inputs before x: p, or 2p (θ0 then θ1) for a doubly parameterised model. */
  private final int q;

  /** θ inputs of the members' networks: q, or p for the difference form. */
  private final int netQ;

  private final int d;

  EvaluatorGrid(ModelData data, int p, int q, int netQ, int d) {
    this.data = data;
    this.p = p;
    this.q = q;
    this.netQ = netQ;
    this.d = d;
  }

  /**
   * float32 member mb's log r̂ and its derivatives along {@code directions} at one θ by a reverse
   * pass ({@link EvaluatorMember#tileReverse}), added to {@code out}, tiles spread over the cores.
   */
  void reverse(
      EvaluatorMember mb, float[] xPart, int n, double[] theta, int[] directions, double[][] out) {
    float[] thetaPart = mb.firstLayerTheta(theta, data.thetaScaling(), q);
    ThreadLocal<EvaluatorMember.ReverseScratch> local =
        ThreadLocal.withInitial(() -> new EvaluatorMember.ReverseScratch(mb));
    IntStream.range(0, (n + TILE - 1) / TILE)
        .parallel()
        .forEach(
            t -> {
              EvaluatorMember.ReverseScratch s = local.get();
              int from = t * TILE;
              int rows = Math.min(TILE, n - from);
              int rows4 = (rows + 3) / 4 * 4;
              float[] a = s.first();
              firstLayer(a, xPart, thetaPart, from, rows, rows4);
              mb.tileReverse(s, rows, rows4, directions, out, from);
            });
  }

  /**
   * Adds member mb's outputs (and its tangents along the θ0 inputs {@code directions}) at one θ to
   * {@code out}; with {@code parallel} its tiles (float32) or rows (float64) are spread over the
   * cores, each writing only its own rows.
   */
  void grid(
      EvaluatorMember mb,
      float[] xPart,
      double[] x,
      int n,
      double[] theta,
      int[] directions,
      double[][] out,
      boolean parallel) {
    if (theta.length != q) {
      throw new IllegalArgumentException(
          "a grid point has " + theta.length + " values for " + q + " θ inputs");
    }
    if (netQ == q) {
      gridNet(mb, xPart, x, n, theta, directions, out, parallel);
      return;
    }
    // the difference form: g(θ0, x) with its tangents, minus g(θ1, x)
    gridNet(mb, xPart, x, n, Arrays.copyOfRange(theta, 0, p), directions, out, parallel);
    double[][] at1 = new double[1][n];
    gridNet(mb, xPart, x, n, Arrays.copyOfRange(theta, p, q), new int[0], at1, parallel);
    for (int i = 0; i < n; i++) {
      out[0][i] -= at1[0][i];
    }
  }

  /**
   * Adds the network's outputs (and tangents along {@code directions}) at the {@code netQ} θ inputs
   * {@code theta} to {@code out}, as {@link #grid} describes.
   */
  private void gridNet(
      EvaluatorMember mb,
      float[] xPart,
      double[] x,
      int n,
      double[] theta,
      int[] directions,
      double[][] out,
      boolean parallel) {
    int q = netQ;
    int tangents = directions.length;
    int tiles = (n + TILE - 1) / TILE;
    IntStream range = IntStream.range(0, tiles);
    if (parallel) {
      range = range.parallel();
    }
    if (!mb.float32()) {
      double[] scaled = new double[q];
      for (int k = 0; k < q; k++) {
        scaled[k] = data.thetaScaling().apply(k, theta[k]);
      }
      range.forEach(
          t -> {
            double[] row = new double[q + d];
            System.arraycopy(scaled, 0, row, 0, q);
            double[][] dots = new double[tangents][mb.width()];
            double[] res = new double[1 + tangents];
            for (int i = t * TILE; i < Math.min(n, (t + 1) * TILE); i++) {
              for (int j = 0; j < d; j++) {
                row[q + j] = data.xScaling().apply(j, x[i * d + j]);
              }
              mb.forward64(row, directions, dots, res);
              for (int c = 0; c < res.length; c++) {
                out[c][i] += res[c];
              }
            }
          });
      return;
    }
    float[] thetaPart = mb.firstLayerTheta(theta, data.thetaScaling(), q);
    // one scratch per worker thread when parallel, else one for all tiles
    EvaluatorMember.Scratch shared =
        parallel ? null : new EvaluatorMember.Scratch(mb.width(), tangents);
    ThreadLocal<EvaluatorMember.Scratch> local =
        ThreadLocal.withInitial(() -> new EvaluatorMember.Scratch(mb.width(), tangents));
    range.forEach(
        t -> {
          EvaluatorMember.Scratch s = shared != null ? shared : local.get();
          int from = t * TILE;
          int rows = Math.min(TILE, n - from);
          int rows4 = (rows + 3) / 4 * 4;
          firstLayer(s.a, xPart, thetaPart, from, rows, rows4);
          mb.tile(s, rows, rows4, directions, out, from);
        });
  }

  /**
   * The first hidden layer's pre-activations of one tile: the x part of event row from + r plus the
   * θ part, and zero rows from {@code rows} up to {@code rows4} (a partial tile's padding).
   */
  private static void firstLayer(
      float[] a, float[] xPart, float[] thetaPart, int from, int rows, int rows4) {
    int h1 = thetaPart.length;
    for (int r = 0; r < rows; r++) {
      int src = (from + r) * h1;
      for (int o = 0; o < h1; o++) {
        a[r * h1 + o] = xPart[src + o] + thetaPart[o];
      }
    }
    Arrays.fill(a, rows * h1, rows4 * h1, 0f);
  }
}
