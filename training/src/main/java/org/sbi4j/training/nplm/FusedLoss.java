package org.sbi4j.training.nplm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.simd.VectorSupport;

/**
 * The NPLM loss L[f] = Σ_R w_R (e^{f} − 1) − Σ_D w_D f and its gradient, computed by a plain-Java
 * kernel that runs forward pass, loss and backward pass in one sweep over each row.
 *
 * <p>Rows (reference first, then data) are cut into fixed chunks of {@value #CHUNK} rows whose
 * partial sums are added in chunk order, so the result is bitwise the same for any thread count.
 * With {@code threads > 1} the chunks run on a private pool, closed by {@link #close()}.
 */
public final class FusedLoss implements Objective, AutoCloseable {
  /** Rows per chunk: large enough to amortise task overhead, small enough to balance threads. */
  static final int CHUNK = 8192;

  private final NetworkShape shape;
  private final NplmProblem problem;
  private final int chunks;
  private final ExecutorService pool;

  /** Vector sums for one-hidden-layer networks, or null for the plain-Java loops. */
  private final ShallowSums vector;

  /**
   * A kernel for {@code shape} on {@code problem}, using {@code threads} ≥ 1 threads; one-hidden-
   * layer networks run on SIMD vectors where the Java Vector API is present.
   */
  public FusedLoss(NetworkShape shape, NplmProblem problem, int threads) {
    this(shape, problem, threads, VectorSupport.AVAILABLE);
  }

  /**
   * As above in {@code precision}: FLOAT32 runs one-hidden-layer networks on single-precision
   * vectors ({@link FloatShallow}) where the Java Vector API is present, everything else in double.
   */
  public FusedLoss(NetworkShape shape, NplmProblem problem, int threads, Precision precision) {
    this(shape, problem, threads, VectorSupport.AVAILABLE, precision);
  }

  /** As above, with the vector sums switched on or off (off: the plain-Java fallback). */
  FusedLoss(NetworkShape shape, NplmProblem problem, int threads, boolean useVector) {
    this(shape, problem, threads, useVector, Precision.FLOAT64);
  }

  private FusedLoss(
      NetworkShape shape,
      NplmProblem problem,
      int threads,
      boolean useVector,
      Precision precision) {
    String mismatch = shape.inputMismatch(problem);
    if (mismatch != null) {
      throw new InvalidValueException(
          "network", mismatch + "; use a network " + problem.dimension() + ",…,1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + " must be ≥ 1");
    }
    this.shape = shape;
    this.problem = problem;
    int rows = problem.referenceSize() + problem.dataSize();
    this.chunks = (rows + CHUNK - 1) / CHUNK;
    this.vector =
        !useVector || shape.depth() != 2
            ? null
            : precision == Precision.FLOAT32
                ? FloatShallow.create(shape, problem)
                : VectorShallow.create(shape, problem);
    this.pool =
        threads > 1 && chunks > 1
            ? Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "nplm-fused");
                  t.setDaemon(true);
                  return t;
                })
            : null;
  }

  @Override
  public double valueAndGradient(double[] params, double[] gradient) {
    int p = shape.parameterCount();
    if (params.length != p || gradient.length != p) {
      throw new IllegalArgumentException("expected " + p + " parameters for " + shape);
    }
    double[][] partial = new double[chunks][];
    if (pool == null) {
      for (int c = 0; c < chunks; c++) {
        partial[c] = chunk(params, c);
      }
    } else {
      List<Future<double[]>> futures = new ArrayList<>(chunks);
      for (int c = 0; c < chunks; c++) {
        final int cc = c;
        futures.add(pool.submit(() -> chunk(params, cc)));
      }
      for (int c = 0; c < chunks; c++) {
        partial[c] = await(futures.get(c));
      }
    }
    java.util.Arrays.fill(gradient, 0.0);
    double loss = 0;
    for (double[] part : partial) {
      for (int k = 0; k < p; k++) {
        gradient[k] += part[k];
      }
      loss += part[p];
    }
    return loss;
  }

  /**
   * Replaces the reference weights w_R of later evaluations by {@code weights} (N_R values). The
   * weights array of the problem this loss was built on is overwritten in place, so the caller must
   * own it (the nuisance fit builds its own problem for this).
   */
  void setReferenceWeights(double[] weights) {
    int nr = problem.referenceSize();
    if (weights.length != nr) {
      throw new IllegalArgumentException(weights.length + " weights for " + nr + " reference rows");
    }
    System.arraycopy(weights, 0, problem.referenceWeights(), 0, nr);
    if (vector instanceof VectorShallow v) {
      v.setReferenceWeights(weights);
    } else if (vector instanceof FloatShallow v) {
      v.setReferenceWeights(weights);
    }
  }

  private static double[] await(Future<double[]> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing the NPLM loss", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("NPLM loss chunk failed: " + e.getCause(), e.getCause());
    }
  }

  /** Gradient (p entries) and loss (entry p) of chunk c. */
  private double[] chunk(double[] params, int c) {
    if (vector != null) {
      return vector.sums(
          params,
          c * CHUNK,
          Math.min(problem.referenceSize() + problem.dataSize(), (c + 1) * CHUNK));
    }
    if (shape.depth() == 2) {
      return shallowChunk(params, c);
    }
    int p = shape.parameterCount();
    double[] out = new double[p + 1];
    Scratch s = new Scratch(shape);
    int nr = problem.referenceSize();
    int rows = nr + problem.dataSize();
    int end = Math.min(rows, (c + 1) * CHUNK);
    double[] ref = problem.reference();
    double[] refW = problem.referenceWeights();
    double[] dat = problem.data();
    double[] datW = problem.dataWeights();
    int d = shape.inputs();
    double loss = 0;
    for (int r = c * CHUNK; r < end; r++) {
      double f;
      double dLdf;
      if (r < nr) {
        f = forward(params, ref, r * d, s);
        double e = Math.exp(f);
        loss += refW[r] * (e - 1.0);
        dLdf = refW[r] * e;
      } else {
        int i = r - nr;
        f = forward(params, dat, i * d, s);
        loss -= datW[i] * f;
        dLdf = -datW[i];
      }
      backward(params, dLdf, s, out);
    }
    out[p] = loss;
    return out;
  }

  /**
   * The same sums as the general path for one hidden layer (d-h-1), with the layer loops written
   * out and the gradient accumulated in local arrays: the common NPLM case, about twice as fast.
   */
  private double[] shallowChunk(double[] params, int c) {
    int d = shape.inputs();
    int h = shape.layers()[1];
    int p = shape.parameterCount();
    int b1 = h * d;
    int w2 = b1 + h;
    int b2 = w2 + h;
    boolean sigmoid = shape.activation() == Activation.SIGMOID;
    double[] grad = new double[p + 1];
    double[] a = new double[h];
    int nr = problem.referenceSize();
    int end = Math.min(nr + problem.dataSize(), (c + 1) * CHUNK);
    double[] ref = problem.reference();
    double[] refW = problem.referenceWeights();
    double[] dat = problem.data();
    double[] datW = problem.dataWeights();
    double loss = 0;
    for (int r = c * CHUNK; r < end; r++) {
      boolean isRef = r < nr;
      double[] x = isRef ? ref : dat;
      int off = (isRef ? r : r - nr) * d;
      double f = params[b2];
      for (int j = 0; j < h; j++) {
        double z = params[b1 + j];
        for (int i = 0; i < d; i++) {
          z += params[j * d + i] * x[off + i];
        }
        a[j] = sigmoid ? 1.0 / (1.0 + Math.exp(-z)) : Math.tanh(z);
        f += params[w2 + j] * a[j];
      }
      double g;
      if (isRef) {
        double e = Math.exp(f);
        loss += refW[r] * (e - 1.0);
        g = refW[r] * e;
      } else {
        loss -= datW[r - nr] * f;
        g = -datW[r - nr];
      }
      grad[b2] += g;
      for (int j = 0; j < h; j++) {
        grad[w2 + j] += g * a[j];
        double dz = g * params[w2 + j] * (sigmoid ? a[j] * (1.0 - a[j]) : 1.0 - a[j] * a[j]);
        grad[b1 + j] += dz;
        for (int i = 0; i < d; i++) {
          grad[j * d + i] += dz * x[off + i];
        }
      }
    }
    grad[p] = loss;
    return grad;
  }

  /** f(x) for the row starting at {@code off}; leaves every layer's activations in s. */
  private double forward(double[] params, double[] x, int off, Scratch s) {
    int[] n = s.layers;
    int depth = n.length - 1;
    System.arraycopy(x, off, s.act[0], 0, n[0]);
    for (int l = 0; l < depth; l++) {
      int nin = n[l];
      int wOff = s.weightOffset[l];
      int bOff = wOff + n[l + 1] * nin;
      double[] in = s.act[l];
      double[] out = s.act[l + 1];
      boolean hidden = l < depth - 1;
      for (int o = 0; o < n[l + 1]; o++) {
        double z = params[bOff + o];
        int row = wOff + o * nin;
        for (int i = 0; i < nin; i++) {
          z += params[row + i] * in[i];
        }
        out[o] = hidden ? s.activation.apply(z) : z;
      }
    }
    return s.act[depth][0];
  }

  /** Adds ∂(row loss)/∂params to grad, given dL/df of the row and the forward activations. */
  private static void backward(double[] params, double dLdf, Scratch s, double[] grad) {
    int[] n = s.layers;
    int depth = n.length - 1;
    s.delta[depth][0] = dLdf;
    for (int l = depth - 1; l >= 0; l--) {
      int nin = n[l];
      int nout = n[l + 1];
      int wOff = s.weightOffset[l];
      int bOff = wOff + nout * nin;
      double[] in = s.act[l];
      double[] dOut = s.delta[l + 1];
      for (int o = 0; o < nout; o++) {
        double g = dOut[o];
        grad[bOff + o] += g;
        int row = wOff + o * nin;
        for (int i = 0; i < nin; i++) {
          grad[row + i] += g * in[i];
        }
      }
      if (l > 0) {
        double[] dIn = s.delta[l];
        for (int i = 0; i < nin; i++) {
          double sum = 0;
          for (int o = 0; o < nout; o++) {
            sum += params[wOff + o * nin + i] * dOut[o];
          }
          dIn[i] = sum * s.activation.derivativeFromOutput(in[i]);
        }
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** Per-chunk buffers: activations and back-propagated errors of every layer. */
  private static final class Scratch {
    final int[] layers;
    final int[] weightOffset;
    final Activation activation;
    final double[][] act;
    final double[][] delta;

    Scratch(NetworkShape shape) {
      layers = shape.layers();
      activation = shape.activation();
      weightOffset = new int[shape.depth()];
      for (int l = 0; l < shape.depth(); l++) {
        weightOffset[l] = shape.weightOffset(l);
      }
      act = new double[layers.length][];
      delta = new double[layers.length][];
      for (int l = 0; l < layers.length; l++) {
        act[l] = new double[layers[l]];
        delta[l] = new double[layers[l]];
      }
    }
  }
}
