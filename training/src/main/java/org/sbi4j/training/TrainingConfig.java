package org.sbi4j.training;

import java.util.List;
import java.util.Locale;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.Precision;

/**
 * Everything that controls training, with MadMiner's defaults; maps 1:1 onto {@code
 * configs/train.yaml} (a missing key takes its default, an unknown key is an error).
 *
 * @param hiddenLayers widths of the hidden layers (default [100, 100, 100])
 * @param activation hidden activation (default TANH)
 * @param optimizer ADAM (default) or AMSGRAD
 * @param learningRate initial learning rate (default 1e−3)
 * @param finalLearningRate learning rate of the last epoch, reached by exponential decay per epoch:
 *     lr_e = lr_0 (lr_final/lr_0)^(e/(epochs−1)) (default 1e−4)
 * @param batchSize rows per gradient step (default 128)
 * @param epochs passes over the training partition (default 50)
 * @param validationSplit fraction of rows held out for validation, in [0, 1) (default 0.25)
 * @param earlyStopping restore the weights of the epoch with the lowest validation loss at the end
 *     (default true; needs a validation split)
 * @param patience stop after this many epochs without a better validation loss; 0 never stops early
 *     (default 0, MadMiner's behaviour: train all epochs, keep the best)
 * @param gradientClip largest L2 norm of each weight array's gradient; +∞ for none; null for the
 *     method's default (10 for ROLR and RASCAL, none for the others: {@link
 *     RatioLoss#defaultGradientClip()})
 * @param alpha weight α of the score term, or null for the method's default (1 for ALICES and
 *     CASCAL, 10 for RASCAL: {@link RatioLoss#defaultAlpha()})
 * @param logRatioClip |log r| bound applied before exponentiation in the losses (default 10)
 * @param precision FLOAT32 (default) or FLOAT64
 * @param ensembleSize members K trained with seeds derived from the run's seed (default 1)
 * @param engine how the gradients are computed: AUTO (default: the fused CPU kernel where it
 *     applies, else SameDiff), SAMEDIFF or FUSED (see {@link TrainingEngine})
 * @param swapPairs doubly parameterised ratio samples only: train on every row and on its mirror
 *     with θ0 and θ1 swapped (docs/math.md §3.8; default true, with {@code antisymmetric} the
 *     measured recipe)
 * @param antisymmetric doubly parameterised ratio samples only: the difference form log r̂(x|θ0,θ1)
 *     = g(x, θ0) − g(x, θ1) with one network g of (θ, x) (docs/math.md §3.8; default true; fused
 *     engine only)
 */
public record TrainingConfig(
    List<Integer> hiddenLayers,
    Activation activation,
    UpdateRule optimizer,
    Double learningRate,
    Double finalLearningRate,
    Integer batchSize,
    Integer epochs,
    Double validationSplit,
    Boolean earlyStopping,
    Integer patience,
    Double gradientClip,
    Double alpha,
    Double logRatioClip,
    Precision precision,
    Integer ensembleSize,
    TrainingEngine engine,
    Boolean swapPairs,
    Boolean antisymmetric)
    implements java.io.Serializable {

  public TrainingConfig {
    hiddenLayers = hiddenLayers == null ? List.of(100, 100, 100) : List.copyOf(hiddenLayers);
    if (hiddenLayers.isEmpty()) {
      throw new IllegalArgumentException("hiddenLayers is empty; give e.g. [100, 100, 100]");
    }
    for (int w : hiddenLayers) {
      if (w < 1) {
        throw new IllegalArgumentException(
            "hiddenLayers has a width of " + w + "; every width must be at least 1");
      }
    }
    activation = activation == null ? Activation.TANH : activation;
    optimizer = optimizer == null ? UpdateRule.ADAM : optimizer;
    learningRate = positive("learningRate", learningRate, 1e-3);
    finalLearningRate = positive("finalLearningRate", finalLearningRate, 1e-4);
    batchSize = atLeast("batchSize", batchSize, 128, 1);
    epochs = atLeast("epochs", epochs, 50, 1);
    validationSplit = validationSplit == null ? 0.25 : validationSplit;
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException(
          "validationSplit = " + validationSplit + " must be in [0, 1), e.g. 0.25");
    }
    earlyStopping = earlyStopping == null ? Boolean.TRUE : earlyStopping;
    if (earlyStopping && validationSplit == 0) {
      earlyStopping = false;
    }
    patience = atLeast("patience", patience, 0, 0);
    if (gradientClip != null && !(gradientClip > 0)) {
      throw new IllegalArgumentException(
          "gradientClip = " + gradientClip + " must be positive, or .inf for no clipping");
    }
    if (alpha != null && !(alpha >= 0 && Double.isFinite(alpha))) {
      throw new IllegalArgumentException("alpha = " + alpha + " must be ≥ 0 and finite");
    }
    logRatioClip = positive("logRatioClip", logRatioClip, 10.0);
    precision = precision == null ? Precision.FLOAT32 : precision;
    ensembleSize = atLeast("ensembleSize", ensembleSize, 1, 1);
    engine = engine == null ? TrainingEngine.AUTO : engine;
    swapPairs = swapPairs == null ? Boolean.TRUE : swapPairs;
    antisymmetric = antisymmetric == null ? Boolean.TRUE : antisymmetric;
  }

  /** All defaults. */
  public static TrainingConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder(
        new TrainingConfig(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null));
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** α for {@code loss}: the configured value, or the loss's default. */
  public double alphaFor(RatioLoss loss) {
    return alpha != null ? alpha : loss.defaultAlpha();
  }

  /** True when each weight array's gradient is clipped: {@code gradientClip} set and finite. */
  public boolean clipsGradients() {
    return gradientClip != null && gradientClip != Double.POSITIVE_INFINITY;
  }

  /**
   * The gradient-norm clip for {@code loss}: the configured value (+∞: none), or the loss's default
   * ({@link RatioLoss#defaultGradientClip()}; null: none).
   */
  public Double gradientClipFor(RatioLoss loss) {
    return gradientClip != null ? gradientClip : loss.defaultGradientClip();
  }

  /**
   * This config with α, the gradient clip and the engine resolved for {@code method} (what the
   * model folder records, and what the fitters train with).
   */
  public TrainingConfig resolvedFor(Method method) {
    TrainingEngine used =
        EnsembleMember.fused(this, method) ? TrainingEngine.FUSED : TrainingEngine.SAMEDIFF;
    return method
        .ratioLoss()
        .map(
            l ->
                toBuilder()
                    .alpha(alphaFor(l))
                    .gradientClip(gradientClipFor(l))
                    .engine(used)
                    .build())
        .orElse(toBuilder().engine(used).build());
  }

  /** Learning rate of epoch e (0-based): exponential decay from learningRate to the final one. */
  public double learningRateAt(int epoch) {
    return learningRate * Math.pow(decayPerEpoch(), epoch);
  }

  /** The per-epoch decay factor γ = (lr_final/lr_0)^(1/(epochs−1)) (1 for a single epoch). */
  public double decayPerEpoch() {
    return epochs == 1 ? 1.0 : Math.pow(finalLearningRate / learningRate, 1.0 / (epochs - 1));
  }

  private static double positive(String name, Double v, double dflt) {
    if (v == null) {
      return dflt;
    }
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s = %s must be positive and finite", name, v));
    }
    return v;
  }

  private static int atLeast(String name, Integer v, int dflt, int min) {
    if (v == null) {
      return dflt;
    }
    if (v < min) {
      throw new IllegalArgumentException(name + " = " + v + " must be at least " + min);
    }
    return v;
  }

  /** Fluent copy-with for code and tests. */
  public static final class Builder {
    private List<Integer> hiddenLayers;
    private Activation activation;
    private UpdateRule optimizer;
    private Double learningRate;
    private Double finalLearningRate;
    private Integer batchSize;
    private Integer epochs;
    private Double validationSplit;
    private Boolean earlyStopping;
    private Integer patience;
    private Double gradientClip;
    private Double alpha;
    private Double logRatioClip;
    private Precision precision;
    private Integer ensembleSize;
    private TrainingEngine engine;
    private Boolean swapPairs;
    private Boolean antisymmetric;

    private Builder(TrainingConfig c) {
      hiddenLayers = c.hiddenLayers;
      activation = c.activation;
      optimizer = c.optimizer;
      learningRate = c.learningRate;
      finalLearningRate = c.finalLearningRate;
      batchSize = c.batchSize;
      epochs = c.epochs;
      validationSplit = c.validationSplit;
      earlyStopping = c.earlyStopping;
      patience = c.patience;
      gradientClip = c.gradientClip;
      alpha = c.alpha;
      logRatioClip = c.logRatioClip;
      precision = c.precision;
      ensembleSize = c.ensembleSize;
      engine = c.engine;
      swapPairs = c.swapPairs;
      antisymmetric = c.antisymmetric;
    }

    public Builder hiddenLayers(List<Integer> v) {
      hiddenLayers = v;
      return this;
    }

    public Builder activation(Activation v) {
      activation = v;
      return this;
    }

    public Builder optimizer(UpdateRule v) {
      optimizer = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    public Builder finalLearningRate(double v) {
      finalLearningRate = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder validationSplit(double v) {
      validationSplit = v;
      return this;
    }

    public Builder earlyStopping(boolean v) {
      earlyStopping = v;
      return this;
    }

    public Builder patience(int v) {
      patience = v;
      return this;
    }

    public Builder gradientClip(Double v) {
      gradientClip = v;
      return this;
    }

    public Builder alpha(Double v) {
      alpha = v;
      return this;
    }

    public Builder logRatioClip(double v) {
      logRatioClip = v;
      return this;
    }

    public Builder precision(Precision v) {
      precision = v;
      return this;
    }

    public Builder ensembleSize(int v) {
      ensembleSize = v;
      return this;
    }

    public Builder engine(TrainingEngine v) {
      engine = v;
      return this;
    }

    public Builder swapPairs(boolean v) {
      swapPairs = v;
      return this;
    }

    public Builder antisymmetric(boolean v) {
      antisymmetric = v;
      return this;
    }

    public TrainingConfig build() {
      return new TrainingConfig(
          hiddenLayers,
          activation,
          optimizer,
          learningRate,
          finalLearningRate,
          batchSize,
          epochs,
          validationSplit,
          earlyStopping,
          patience,
          gradientClip,
          alpha,
          logRatioClip,
          precision,
          ensembleSize,
          engine,
          swapPairs,
          antisymmetric);
    }
  }
}
