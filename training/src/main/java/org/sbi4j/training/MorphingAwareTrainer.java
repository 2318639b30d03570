package org.sbi4j.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.Permutations;
import org.sbi4j.training.internal.Fitter;
import org.sbi4j.training.internal.Graphs;
import org.sbi4j.training.internal.MorphingAwareGraph;
import org.sbi4j.training.internal.Nd4jRuntime;
import org.sbi4j.training.internal.Table;
import org.sbi4j.training.listeners.EarlyStopping;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.listeners.LossHistory;
import org.sbi4j.training.listeners.TrainingListener;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Scaling;

/**
 * Trains a morphing-aware ratio model (docs/math.md §3.9) with any ratio method's loss on the
 * SameDiff engine: the same validation split, x standardisation and seeds as {@link Trainer} (split
 * {@code derive(seed, 0)}, member k from {@link EnsembleMember#memberSeed}); θ0 enters only through
 * the morphing coefficients, so it is not standardised and the joint score is the target in the
 * units of θ. Same sample, config and seed → identical weights.
 */
public final class MorphingAwareTrainer {
  private final TrainingConfig config;
  private final List<TrainingListener> listeners;

  public MorphingAwareTrainer(TrainingConfig config, List<TrainingListener> listeners) {
    this.config = config;
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Trains {@code method} on {@code sample} (a ratio sample at one fixed θ1, θ1 = 0 for {@link
   * MorphingAware.Kind#QUADRATIC}) with the combination {@code requested} (linear: with the
   * component at θ1 fixed when θ1 is a basis point).
   */
  public TrainingOutcome train(
      EventSample sample, Method method, MorphingAware requested, long seed) {
    TrainingConfig config = withDefaultAlpha(this.config, method, requested);
    long start = System.nanoTime();
    Nd4jRuntime.configure();
    if (method == Method.SALLY) {
      throw new InvalidValueException(
          "method", "a morphing-aware model estimates a ratio; use a ratio method such as alices");
    }
    if (config.engine() == TrainingEngine.FUSED) {
      throw new IllegalArgumentException(
          "engine FUSED does not apply: a morphing-aware model trains on SameDiff; use engine AUTO"
              + " or SAMEDIFF");
    }
    Trainer.requireColumns(sample, method);
    int p = sample.parameterNames().size();
    if (p != requested.parameterCount()) {
      throw new InvalidValueException(
          "trainingSample",
          "the sample has "
              + p
              + " parameters but the morphing has "
              + requested.parameterCount()
              + "; use a sample of the same setup");
    }
    if (Trainer.isDoublyParameterized(sample)) {
      throw new InvalidValueException(
          "trainingSample",
          "a morphing-aware model is trained at one fixed θ1, but the sample's θ1 varies");
    }
    if (requested.kind() == MorphingAware.Kind.QUADRATIC
        && sample.has(Column.THETA1)
        && sample.value(Column.THETA1, 0, 0) != 0) {
      throw new InvalidValueException(
          "trainingSample", "the quadratic morphing-aware model needs θ1 = 0; augment at θ1 = 0");
    }
    // r̂_b(x) = p(x|θ1)/p(x|θ1) = 1 exactly for the benchmark at θ1: fixed, not learnt
    MorphingAware spec =
        sample.has(Column.THETA1)
            ? requested.withReferenceIfBasisPoint(Arrays.copyOf(sample.column(Column.THETA1), p))
            : requested;
    int n = sample.size();
    int nVal = (int) Math.round(n * config.validationSplit());
    if (n - nVal < 1 || (config.validationSplit() > 0 && nVal < 1)) {
      throw new IllegalArgumentException(
          "a training sample of " + n + " rows is too small for its validation split; use more");
    }
    int[] perm = Permutations.random(n, Seeds.derive(seed, 0));
    EventSample train = sample.select(Arrays.copyOfRange(perm, 0, n - nVal));
    EventSample val = nVal == 0 ? null : sample.select(Arrays.copyOfRange(perm, n - nVal, n));
    Scaling xs = Scaling.fit(train.x(), sample.featureCount());
    RatioLoss loss = method.ratioLoss().orElseThrow();
    Table trainTable = table(train, loss, spec, xs);
    Table valTable = val == null ? null : table(val, loss, spec, xs);
    TrainingConfig resolved = config.resolvedFor(method);
    double alpha = resolved.alphaFor(loss);
    DataType type = Nd4jRuntime.dataType(config.precision());
    List<Network> members = new ArrayList<>();
    List<EpochReport> history = new ArrayList<>();
    List<Long> seeds = new ArrayList<>();
    double epochs = 0;
    double validation = 0;
    for (int k = 0; k < config.ensembleSize(); k++) {
      long memberSeed = EnsembleMember.memberSeed(seed, k);
      seeds.add(memberSeed);
      Network initial =
          Network.initial(
              sample.featureCount(),
              config.hiddenLayers(),
              spec.outputs(),
              config.activation(),
              Seeds.derive(memberSeed, 0));
      LossHistory h = new LossHistory();
      List<TrainingListener> all = new ArrayList<>(List.of(h));
      if (config.earlyStopping()) {
        all.add(new EarlyStopping(config.patience()));
      }
      all.addAll(listeners);
      SameDiff sd = MorphingAwareGraph.build(initial, spec, type, loss, alpha);
      Fitter fitter = new Fitter(sd, initial, type);
      members.add(fitter.fit(trainTable, valTable, resolved, k, Seeds.derive(memberSeed, 1), all));
      history.addAll(h.reports());
      epochs += fitter.epochSeconds();
      validation += fitter.validationSeconds();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    ModelData model =
        new ModelData(
            method,
            config.precision(),
            sample.observables(),
            sample.parameterNames(),
            xs,
            Scaling.identity(p),
            Trainer.thetaRange(sample, Column.THETA0, p),
            members,
            List.of(),
            null,
            null,
            spec);
    return new TrainingOutcome(
        model,
        resolved.toBuilder().engine(TrainingEngine.SAMEDIFF).build(),
        seed,
        seeds,
        history,
        n - nVal,
        nVal,
        seconds,
        new TrainingOutcome.Phases(seconds - epochs - validation, epochs, validation));
  }

  /**
   * {@code config} with α = {@link MorphingAware#LINEAR_ALPHA} when it sets none, the loss has a
   * score term and the combination is linear; otherwise {@code config}.
   */
  static TrainingConfig withDefaultAlpha(TrainingConfig config, Method method, MorphingAware spec) {
    boolean score = method.ratioLoss().map(RatioLoss::usesScore).orElse(false);
    return config.alpha() == null && score && spec.kind() == MorphingAware.Kind.LINEAR
        ? config.toBuilder().alpha(MorphingAware.LINEAR_ALPHA).build()
        : config;
  }

  private Table table(EventSample s, RatioLoss loss, MorphingAware spec, Scaling xs) {
    int n = s.size();
    int d = s.featureCount();
    int p = spec.parameterCount();
    Table t = new Table(n);
    double[] x = new double[n * d];
    for (int r = 0; r < x.length; r++) {
      x[r] = xs.apply(r % d, s.x()[r]);
    }
    t.put(Graphs.INPUT, x, d);
    Morpher morpher = spec.morpher();
    double[] theta0 = s.column(Column.THETA0);
    boolean quadratic = spec.kind() == MorphingAware.Kind.QUADRATIC;
    int width = quadratic ? 1 : spec.basis().length;
    double[][] fed = new double[quadratic ? 3 : 1 + p][n * width];
    for (int i = 0; i < n; i++) {
      double[][] c = spec.coefficients(morpher, Arrays.copyOfRange(theta0, i * p, i * p + p));
      for (int q = 0; q < fed.length; q++) {
        System.arraycopy(c[q], 0, fed[q], i * width, width);
      }
    }
    t.put(MorphingAwareGraph.COEFFICIENTS, fed[0], width);
    if (quadratic) {
      t.put(MorphingAwareGraph.DENOMINATOR, fed[1], 1);
      t.put(MorphingAwareGraph.DENOMINATOR_GRADIENT, fed[2], 1);
    } else {
      for (int k = 0; k < p; k++) {
        t.put(MorphingAwareGraph.COEFFICIENT_GRADIENT + k, fed[1 + k], width);
      }
    }
    t.put(Graphs.Y, s.column(Column.Y), 1);
    if (loss.usesJointRatio()) {
      Graphs.jointRatioLabels(loss, s.column(Column.LOG_R_XZ), spec.logRatioClip())
          .forEach((name, v) -> t.put(name, v, 1));
    }
    if (loss.usesScore()) {
      t.put(Graphs.T, s.column(Column.T_XZ0), p);
    }
    return t;
  }
}
