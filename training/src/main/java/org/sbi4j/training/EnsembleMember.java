package org.sbi4j.training;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.training.internal.EpochLoop;
import org.sbi4j.training.internal.Fitter;
import org.sbi4j.training.internal.FusedFitter;
import org.sbi4j.training.internal.Graphs;
import org.sbi4j.training.internal.Nd4jRuntime;
import org.sbi4j.training.internal.Table;
import org.sbi4j.training.listeners.EarlyStopping;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.listeners.LossHistory;
import org.sbi4j.training.listeners.TrainingListener;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.simd.DenseKernel;
import org.sbi4j.training.simd.VectorSupport;

/**
 * Ensemble member k as an independent, serializable task: builds the graph from the initial weights
 * drawn with {@code derive(memberSeed, 0)} and fits with shuffles from {@code derive(memberSeed,
 * 1)}, where {@code memberSeed = derive(seed, 1, k)}. Everything it needs (standardised tables,
 * config, seeds) travels with it, so member k has the same weights on whichever {@link TaskRunner}
 * runs it.
 *
 * <p>Extra listeners (progress lines) are transient: they report when the member runs in this JVM
 * and are dropped when the task is shipped to a Spark executor.
 */
final class EnsembleMember implements TaskRunner.Task<Integer, EnsembleMember.Trained> {
  private static final long serialVersionUID = 1L;

  /**
   * One trained member.
   *
   * @param network final (or best) weights
   * @param history the member's epoch reports, in order
   * @param epochSeconds wall time of its training passes (validation excluded)
   * @param validationSeconds wall time of its validation losses
   */
  record Trained(
      Network network, List<EpochReport> history, double epochSeconds, double validationSeconds)
      implements Serializable {}

  private final Table train;
  private final Table validation;
  private final TrainingConfig config;
  private final TrainingConfig resolved;
  private final Method method;
  private final int[] shape;
  private final long seed;
  private final int threads;
  private final transient List<TrainingListener> listeners;

  /**
   * @param shape {input width, output width, parameter count p, 1 for the difference form of a
   *     doubly parameterised ratio network (network inputs θ, x; table rows θ0, θ1, x) else 0}
   * @param seed the run's root seed
   * @param threads threads each member trains on (the fused engine; the weights do not depend on
   *     it)
   */
  EnsembleMember(
      Table train,
      Table validation,
      TrainingConfig config,
      Method method,
      int[] shape,
      long seed,
      int threads,
      List<TrainingListener> listeners) {
    this.train = train;
    this.validation = validation;
    this.config = config;
    this.resolved = config.resolvedFor(method);
    this.method = method;
    this.shape = shape.clone();
    this.seed = seed;
    this.threads = threads;
    this.listeners = List.copyOf(listeners);
  }

  /** The seed member {@code k} derives its initialisation and shuffles from. */
  static long memberSeed(long seed, int k) {
    return Seeds.derive(seed, 1, k);
  }

  /**
   * Whether {@code config}'s engine resolves to {@link TrainingEngine#FUSED} for {@code method}.
   *
   * @throws IllegalArgumentException when FUSED is asked for where it does not apply
   */
  static boolean fused(TrainingConfig config, Method method) {
    String why =
        config.precision() != Precision.FLOAT32
            ? "precision is " + config.precision()
            : !VectorSupport.AVAILABLE
                ? "the Java Vector API is missing (run the JVM with "
                    + "--add-modules jdk.incubator.vector, as bin/sbi4j does)"
                : !Nd4jRuntime.backend().startsWith("Cpu")
                    ? "ND4J runs on " + Nd4jRuntime.backend()
                    : null;
    if (config.engine() == TrainingEngine.FUSED && why != null) {
      throw new IllegalArgumentException(
          "engine FUSED does not apply: " + why + "; use engine AUTO or SAMEDIFF");
    }
    return config.engine() != TrainingEngine.SAMEDIFF && why == null;
  }

  /**
   * Fails unless {@code config} trains {@code method} on the fused engine, the only one that trains
   * the difference form of a doubly parameterised model.
   */
  static void requireFused(TrainingConfig config, Method method) {
    if (!fused(config, method)) {
      throw new InvalidValueException(
          "engine",
          "the antisymmetric (difference) form of a doubly parameterised model trains on the fused"
              + " engine only (float32, the Java Vector API, ND4J on the CPU); use engine AUTO or"
              + " FUSED with precision FLOAT32, or set antisymmetric: false");
    }
  }

  @Override
  public Trained apply(Integer k) {
    long memberSeed = memberSeed(seed, k);
    boolean ratio = method != Method.SALLY;
    DataType type = Nd4jRuntime.dataType(config.precision());
    Network initial =
        Network.initial(
            shape[0],
            config.hiddenLayers(),
            shape[1],
            config.activation(),
            Seeds.derive(memberSeed, 0));
    RatioLoss loss = ratio ? method.ratioLoss().orElseThrow() : null;
    LossHistory history = new LossHistory();
    List<TrainingListener> all = new ArrayList<>(List.of(history));
    if (config.earlyStopping()) {
      all.add(new EarlyStopping(config.patience()));
    }
    if (listeners != null) {
      all.addAll(listeners);
    }
    long shuffleSeed = Seeds.derive(memberSeed, 1);
    boolean difference = shape.length > 3 && shape[3] == 1;
    if (difference) {
      requireFused(config, method);
      FusedFitter f =
          FusedFitter.difference(
              initial,
              shape[2],
              loss,
              resolved.alphaFor(loss),
              config.logRatioClip(),
              DenseKernel.best());
      f.threads(threads);
      return trained(f, f.fit(train, validation, resolved, k, shuffleSeed, all), history);
    }
    if (fused(config, method)) {
      FusedFitter f =
          ratio
              ? new FusedFitter(
                  initial,
                  shape[2],
                  loss,
                  resolved.alphaFor(loss),
                  config.logRatioClip(),
                  DenseKernel.best())
              : FusedFitter.score(initial, DenseKernel.best());
      f.threads(threads);
      return trained(f, f.fit(train, validation, resolved, k, shuffleSeed, all), history);
    }
    Nd4jRuntime.configure();
    SameDiff sd =
        ratio
            ? Graphs.ratio(
                initial, shape[2], type, loss, resolved.alphaFor(loss), config.logRatioClip())
            : Graphs.score(initial, type, true);
    Fitter f = new Fitter(sd, initial, type);
    return trained(f, f.fit(train, validation, resolved, k, shuffleSeed, all), history);
  }

  private static Trained trained(EpochLoop loop, Network net, LossHistory history) {
    return new Trained(net, history.reports(), loop.epochSeconds(), loop.validationSeconds());
  }
}
