package org.sbi4j.training.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.training.simd.DenseKernel;
import org.sbi4j.training.simd.ScalarKernel;
import org.sbi4j.training.simd.VectorKernel;
import org.sbi4j.training.simd.VectorSupport;

/**
 * The one evaluation path of a trained model ({@link RatioModel}, {@link ScoreModel}, evaluate,
 * limits): log r̂ and t̂ = ∂ log r̂/∂θ0 of ratio models, t̂ of SALLY models, as the training graph
 * defines them (inputs standardised by the model's {@link Scaling}s, t̂ by forward-mode tangents
 * ḣ_k = σ'(z) ⊙ ż_k seeded with ȧ_k = e_k on the θ0 inputs, then divided by the θ scale; SALLY's
 * outputs are t̂ as they are), averaged over the members with their population spread.
 *
 * <p>float32 models run on a {@link DenseKernel} (the Java Vector API when the JVM has it): tiles
 * of {@value #TILE} rows, every width padded to a multiple of {@link DenseKernel#PAD} (zero weights
 * and biases, which leave the sums unchanged) and the rows of a last partial tile to a multiple of
 * 4 (their outputs are dropped). On a θ grid the first layer splits into a θ part (once per grid
 * point) and an x part (once per event). float64 models run in plain double Java. Tiles and grid
 * points are spread over the cores; every output depends only on its own row, so results do not
 * depend on the number of threads. Immutable and thread-safe; no ND4J. Each member's layout and
 * forward passes are an {@link EvaluatorMember}.
 */
public final class NetworkEvaluator {
  static final int TILE = 128;

  /**
   * From this many directions on, float32 derivatives come from one reverse pass instead of a
   * forward tangent per direction.
   */
  static final int REVERSE = 2;

  private final ModelData data;
  private final int p;

  /** θ inputs before x: p, or 2p (θ0 then θ1) for a doubly parameterised model. */
  private final int q;

  /**
   * θ inputs of the members' networks: q, or p for the difference form (docs/math.md §3.8), whose
   * one network g(θ, x) runs at θ0 and at θ1: log r̂ = g(θ0, x) − g(θ1, x), t̂ = ∂g(θ0, x)/∂θ0.
   */
  private final int netQ;

  private final int d;
  private final boolean ratio;
  private final EvaluatorMember[] members;
  private final EvaluatorGrid tiles;

  /** The θ0 input directions 0, …, p − 1: tangents along every parameter. */
  private final int[] all;

  /** Evaluates {@code data} with {@link DenseKernel#best()} for float32 members. */
  public NetworkEvaluator(ModelData data) {
    this(data, DenseKernel.best());
  }

  private NetworkEvaluator(ModelData data, DenseKernel kernel) {
    this.data = data;
    this.p = data.parameters().size();
    this.q = data.isRatio() ? data.thetaInputs() : p;
    this.netQ = data.isRatio() && data.differenceForm() ? p : q;
    this.d = data.observables().size();
    this.ratio = data.isRatio();
    int outputs = ratio ? 1 : p;
    this.all = IntStream.range(0, p).toArray();
    this.tiles = new EvaluatorGrid(data, p, q, netQ, d);
    List<Network> nets = data.members();
    members = new EvaluatorMember[nets.size()];
    for (int m = 0; m < members.length; m++) {
      members[m] = EvaluatorMember.of(nets.get(m), data.precision(), kernel, outputs);
    }
  }

  /**
   * An evaluator of a float32 model on a chosen kernel (for tests and benchmarks).
   *
   * @param vector true for {@link VectorKernel} (needs {@link #vectorAvailable()}), false for
   *     {@link ScalarKernel}
   */
  public static NetworkEvaluator withKernel(ModelData data, boolean vector) {
    if (vector && !vectorAvailable()) {
      throw new IllegalArgumentException(
          "the Java Vector API is not available; run the JVM with "
              + "--add-modules jdk.incubator.vector");
    }
    return new NetworkEvaluator(data, vector ? VectorKernel.create() : new ScalarKernel());
  }

  /** Whether this JVM runs with the Java Vector API (the fast default kernel). */
  public static boolean vectorAvailable() {
    return VectorSupport.AVAILABLE;
  }

  public ModelData data() {
    return data;
  }

  // ---------------------------------------------------------------------------------------------
  // Row-wise predictions

  /**
   * Mean and spread of the members for n rows: row i at θ0 = theta row i (ratio models) or x row i
   * alone (SALLY).
   *
   * @param theta n × p raw θ0 rows (ignored for SALLY, may be null); for a doubly parameterised
   *     model n × 2p rows θ0 ⊕ θ1
   * @param x n × d raw features in the model's observable order
   */
  public Prediction predict(double[] theta, double[] x) {
    int n = x.length / d;
    if (x.length != n * d || ratio && (theta == null || theta.length != n * q)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "predict needs n × %d features and n × %d θ values, got %d and %s",
              d,
              q,
              x.length,
              theta == null ? "none" : String.valueOf(theta.length)));
    }
    int width = ratio ? netQ + d : d;
    double[] input = inputRows(theta, x, n, 0);
    // per member: [output or log r̂, then for ratio models the p tangents][n]
    double[][][] v = new double[members.length][][];
    for (int m = 0; m < members.length; m++) {
      v[m] = members[m].rows(input, n, width, ratio ? all : new int[0]);
    }
    if (netQ != q) {
      // the difference form: minus g(θ1, x)
      double[] at1 = inputRows(theta, x, n, p);
      for (int m = 0; m < members.length; m++) {
        double[] g1 = members[m].rows(at1, n, width, new int[0])[0];
        for (int i = 0; i < n; i++) {
          v[m][0][i] -= g1[i];
        }
      }
    }
    return MemberStats.combine(v, n, ratio, p, data.thetaScaling());
  }

  /**
   * The standardised network input rows (θ, x) of n rows: θ is the θ row's {@link #netQ} values
   * from column {@code from} on (θ1 of the difference form at from = p; θ0's scaling columns serve
   * both, being equal), none for SALLY.
   */
  private double[] inputRows(double[] theta, double[] x, int n, int from) {
    int width = ratio ? netQ + d : d;
    double[] input = new double[n * width];
    for (int i = 0; i < n; i++) {
      int o = i * width;
      if (ratio) {
        for (int k = 0; k < netQ; k++) {
          input[o + k] = data.thetaScaling().apply(k, theta[i * q + from + k]);
        }
        o += netQ;
      }
      for (int j = 0; j < d; j++) {
        input[o + j] = data.xScaling().apply(j, x[i * d + j]);
      }
    }
    return input;
  }

  // ---------------------------------------------------------------------------------------------
  // θ grids × events

  /**
   * log r̂ (the members' mean) at every (grid point, event): the fast path of limit scans.
   *
   * @param x n × d raw features in the model's observable order
   * @param thetas raw θ0 grid points, each of p values (doubly parameterised: θ0 ⊕ θ1, 2p)
   * @return thetas.length × n
   */
  public double[][] logRatio(double[] x, double[][] thetas) {
    requireRatio();
    int n = x.length / d;
    double[][] out = new double[thetas.length][n];
    for (int m = 0; m < members.length; m++) {
      EvaluatorMember mb = members[m];
      float[] xPart = mb.float32() ? mb.firstLayerX(x, n, data.xScaling(), netQ, d) : null;
      if (thetas.length == 1) {
        // one point: its event tiles are spread over the cores instead
        tiles.grid(mb, xPart, x, n, thetas[0], new int[0], new double[][] {out[0]}, true);
      } else {
        IntStream.range(0, thetas.length)
            .parallel()
            .forEach(
                j ->
                    tiles.grid(
                        mb, xPart, x, n, thetas[j], new int[0], new double[][] {out[j]}, false));
      }
    }
    if (members.length > 1) {
      for (double[] row : out) {
        for (int i = 0; i < n; i++) {
          row[i] /= members.length;
        }
      }
    }
    return out;
  }

  /**
   * Mean and spread of log r̂ and t̂ at every (grid point, event): element j is {@link
   * #predict(double[], double[])} of all events at θ0 = thetas[j].
   *
   * @param x n × d raw features in the model's observable order
   * @param thetas raw θ0 grid points, each of p values (doubly parameterised: θ0 ⊕ θ1, 2p)
   */
  public Prediction[] predict(double[] x, double[][] thetas) {
    requireRatio();
    int n = x.length / d;
    double[][][][] v = new double[thetas.length][members.length][][];
    for (int m = 0; m < members.length; m++) {
      EvaluatorMember mb = members[m];
      int member = m;
      float[] xPart = mb.float32() ? mb.firstLayerX(x, n, data.xScaling(), netQ, d) : null;
      IntStream.range(0, thetas.length)
          .parallel()
          .forEach(
              j -> {
                double[][] out = new double[1 + p][n];
                tiles.grid(mb, xPart, x, n, thetas[j], all, out, thetas.length == 1);
                v[j][member] = out;
              });
    }
    Prediction[] out = new Prediction[thetas.length];
    for (int j = 0; j < thetas.length; j++) {
      out[j] = MemberStats.combine(v[j], n, ratio, p, data.thetaScaling());
    }
    return out;
  }

  /**
   * log r̂ (the members' mean) and its derivatives along a few parameter inputs only, at one
   * parameter point: out[0][i] = log r̂(x_i | θ0), out[1 + k][i] = ∂ log r̂(x_i | θ0)/∂θ0_{d_k} for
   * d_k = {@code directions[k]} (raw units), e.g. the ν inputs of a profile fit, θ held fixed. One
   * forward pass with a tangent per requested direction, or for float32 members and at least
   * {@value #REVERSE} directions one forward and one reverse pass (docs/math.md §7.5); the events'
   * tiles spread over the cores, every output depending only on its own row, so the numbers do not
   * depend on the thread count. log r̂ is that of {@link #logRatio} bit for bit; the derivatives
   * are those of {@link #predict(double[], double[][])} along the same directions (the same
   * arithmetic with forward tangents, float32 rounding apart with the reverse pass).
   *
   * @param x n × d raw features in the model's observable order
   * @param theta the raw θ0 point, p values
   * @param directions distinct parameter indices in [0, p)
   * @return (1 + directions.length) × n
   */
  public double[][] logRatioAndTangents(double[] x, double[] theta, int[] directions) {
    requireRatio();
    if (q != p) {
      throw new IllegalArgumentException(
          "tangents along chosen directions at one θ are for singly parameterised models; "
              + "evaluate a doubly parameterised model with predict");
    }
    boolean[] seen = new boolean[p];
    for (int k : directions) {
      if (k < 0 || k >= p || seen[k]) {
        throw new IllegalArgumentException(
            "tangent directions "
                + Arrays.toString(directions)
                + " must be distinct parameter indices in [0, "
                + p
                + ")");
      }
      seen[k] = true;
    }
    int n = x.length / d;
    double[][] out = new double[1 + directions.length][n];
    for (EvaluatorMember mb : members) {
      float[] xPart = mb.float32() ? mb.firstLayerX(x, n, data.xScaling(), netQ, d) : null;
      if (mb.float32() && directions.length >= REVERSE) {
        tiles.reverse(mb, xPart, n, theta, directions, out);
      } else {
        tiles.grid(mb, xPart, x, n, theta, directions, out, true);
      }
    }
    double[] scale = data.thetaScaling().scale();
    for (int c = 0; c < out.length; c++) {
      double f = (c == 0 ? 1 : scale[directions[c - 1]]) * members.length;
      if (f != 1) {
        for (int i = 0; i < n; i++) {
          out[c][i] /= f;
        }
      }
    }
    return out;
  }

  private void requireRatio() {
    if (!ratio) {
      throw new IllegalArgumentException("a SALLY model has no log r̂; evaluate its score");
    }
  }
}
