package org.sbi4j.training.nplm;

import org.sbi4j.common.InvalidValueException;
import org.sbi4j.training.model.Precision;

/**
 * How one NPLM f(x) is trained.
 *
 * @param network the network (default 1-4-1, sigmoid)
 * @param clip W: every weight-matrix entry is kept in [−W, W]; {@code +∞} for no clipping; > 0
 * @param clipBiases whether the biases are clipped too (NPLM: no)
 * @param optimizer Adam for {@code epochs} steps, or projected L-BFGS to convergence
 * @param epochs Adam steps (full batch), ≥ 1
 * @param learningRate Adam's η (NPLM: 1e−3)
 * @param engine which implementation computes loss and gradient
 * @param threads threads of the fused kernel for one fit (1 when toys run in parallel), ≥ 1
 * @param fast the L-BFGS schedule of the fast mode
 * @param standardize whether x is standardised with the reference's weighted mean and spread before
 *     the network (NPLM: yes), so that W does not depend on the units of x
 * @param kernel the kernel variant's settings, or null for the network
 * @param precision arithmetic of the Adam steps on the fused kernel: FLOAT64 (default) or FLOAT32
 *     (the NPLM authors' precision, about 3 × faster; the returned loss is recomputed in double at
 *     the final weights). The L-BFGS fast mode, the kernel model, the SameDiff engine and a JVM
 *     without the Vector API always compute in double
 */
public record NplmTrainingConfig(
    NetworkShape network,
    double clip,
    boolean clipBiases,
    NplmOptimizer optimizer,
    int epochs,
    double learningRate,
    NplmEngine engine,
    int threads,
    FastMode fast,
    boolean standardize,
    KernelConfig kernel,
    Precision precision)
    implements java.io.Serializable {
  /** The NPLM authors' Adam epochs. */
  public static final int DEFAULT_EPOCHS = 300_000;

  public NplmTrainingConfig {
    if (network == null || optimizer == null || engine == null || fast == null) {
      throw new IllegalArgumentException("network, optimizer, engine and fast mode are required");
    }
    if (!(clip > 0)) {
      throw new InvalidValueException(
          "clip",
          "clip = " + clip + " must be > 0 (the weight box [−W, W]); e.g. 9 for a 1,4,1 network");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs = " + epochs + " must be ≥ 1");
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate = " + learningRate + " must be > 0");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + " must be ≥ 1");
    }
    if (precision == null) {
      throw new IllegalArgumentException("precision is required (FLOAT64 or FLOAT32)");
    }
  }

  /**
   * Adam, 300 000 epochs, η = 1e−3, fused kernel, one thread, weights clipped at {@code clip},
   * standardised inputs.
   */
  public static NplmTrainingConfig defaults(NetworkShape network, double clip) {
    return new NplmTrainingConfig(
        network,
        clip,
        false,
        NplmOptimizer.ADAM,
        DEFAULT_EPOCHS,
        1e-3,
        NplmEngine.FUSED,
        1,
        FastMode.defaults(),
        true,
        null,
        Precision.FLOAT64);
  }

  public NplmTrainingConfig withOptimizer(NplmOptimizer value) {
    return copy(b -> b.optimizer = value);
  }

  public NplmTrainingConfig withEpochs(int value) {
    return copy(b -> b.epochs = value);
  }

  public NplmTrainingConfig withEngine(NplmEngine value) {
    return copy(b -> b.engine = value);
  }

  public NplmTrainingConfig withThreads(int value) {
    return copy(b -> b.threads = value);
  }

  public NplmTrainingConfig withLearningRate(double value) {
    return copy(b -> b.learningRate = value);
  }

  public NplmTrainingConfig withFastMode(FastMode value) {
    return copy(b -> b.fast = value);
  }

  /** The kernel variant with these settings ({@code null}: the network). */
  public NplmTrainingConfig withKernel(KernelConfig value) {
    return copy(b -> b.kernel = value);
  }

  /** The same config with the Adam steps' arithmetic {@code value}. */
  public NplmTrainingConfig withPrecision(Precision value) {
    return copy(b -> b.precision = value);
  }

  public NplmTrainingConfig withStandardize(boolean value) {
    return copy(b -> b.standardize = value);
  }

  /** The same config with weight clip {@code value} (> 0, or +∞ for none). */
  public NplmTrainingConfig withClip(double value) {
    return copy(b -> b.clip = value);
  }

  /** A copy with the fields that {@code edit} sets changed; the canonical constructor checks it. */
  private NplmTrainingConfig copy(java.util.function.Consumer<Copy> edit) {
    Copy b = new Copy(this);
    edit.accept(b);
    return new NplmTrainingConfig(
        network,
        b.clip,
        clipBiases,
        b.optimizer,
        b.epochs,
        b.learningRate,
        b.engine,
        b.threads,
        b.fast,
        b.standardize,
        b.kernel,
        b.precision);
  }

  /** The fields the {@code withX} methods change. */
  private static final class Copy {
    NplmOptimizer optimizer;
    int epochs;
    double learningRate;
    NplmEngine engine;
    int threads;
    FastMode fast;
    boolean standardize;
    double clip;
    KernelConfig kernel;
    Precision precision;

    Copy(NplmTrainingConfig c) {
      optimizer = c.optimizer;
      epochs = c.epochs;
      learningRate = c.learningRate;
      engine = c.engine;
      threads = c.threads;
      fast = c.fast;
      standardize = c.standardize;
      clip = c.clip;
      kernel = c.kernel;
      precision = c.precision;
    }
  }

  /** Lower bounds of the flat parameters: −W on clipped entries, −∞ elsewhere. */
  public double[] lowerBounds() {
    return lowerBounds(clip);
  }

  /** Upper bounds of the flat parameters: W on clipped entries, +∞ elsewhere. */
  public double[] upperBounds() {
    return upperBounds(clip);
  }

  double[] lowerBounds(double w) {
    double[] b = upperBounds(w);
    for (int i = 0; i < b.length; i++) {
      b[i] = -b[i];
    }
    return b;
  }

  double[] upperBounds(double w) {
    boolean[] weights = network.weightMask();
    double[] b = new double[weights.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = weights[i] || clipBiases ? w : Double.POSITIVE_INFINITY;
    }
    return b;
  }
}
