package org.sbi4j.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.Permutations;
import org.sbi4j.training.internal.Graphs;
import org.sbi4j.training.internal.Table;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.listeners.TrainingListener;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Scaling;

/**
 * Trains any {@link Method} on a training sample (docs/math.md §3): splits off the validation rows,
 * fits the standardisation on the training rows, and trains {@code ensembleSize} members, each from
 * its own seed. Same sample, config and seed → identical weights on the CPU.
 *
 * <p>A ratio sample whose θ1 column varies between rows trains a doubly parameterised model
 * (docs/math.md §3.8): the network input is (θ0, θ1, x), both θ's standardised by one scaling
 * fitted on the training rows, and the model records the θ1 box it was trained on. With the
 * config's {@code swapPairs} on, the training and validation rows are each followed by their
 * mirrors with θ0 and θ1 swapped ({@link SwappedPairs}). With {@code antisymmetric} on, the model
 * is of the difference form log r̂ = g(θ0, x) − g(θ1, x): one network g of (θ, x), the θ scaling
 * fitted on θ0 and θ1 together ({@link #sharedScaling}).
 *
 * <p>Seeds: the split uses {@code derive(seed, 0)}; member k initialises from {@code derive(seed,
 * 1, k, 0)} and shuffles from {@code derive(seed, 1, k, 1)}.
 */
public final class Trainer {
  private final TrainingConfig config;
  private final List<TrainingListener> listeners;

  /**
   * @param listeners extra listeners (progress lines…); the loss history and early stopping are
   *     added from the config
   */
  public Trainer(TrainingConfig config, List<TrainingListener> listeners) {
    this.config = config;
    this.listeners = List.copyOf(listeners);
  }

  public Trainer(TrainingConfig config) {
    this(config, List.of());
  }

  /**
   * Trains {@code method} on {@code sample}, the members one after the other in this thread; see
   * the class comment for the seeds.
   */
  public TrainingOutcome train(EventSample sample, Method method, long seed) {
    return train(sample, method, seed, null);
  }

  /**
   * Trains {@code method} on {@code sample} with the ensemble members as independent tasks on
   * {@code runner} (null: one after the other in this thread). Member k's weights do not depend on
   * the runner.
   */
  public TrainingOutcome train(EventSample sample, Method method, long seed, TaskRunner runner) {
    return train(sample, List.of(), method, seed, runner);
  }

  /**
   * As {@link #train(EventSample, Method, long, TaskRunner)} for a sample whose last parameters are
   * the nuisance parameters {@code nuisanceNames} (docs/math.md §7.4): the parameter input is θ ⊕
   * ν, standardised like θ, and the model records which inputs are nuisances.
   */
  public TrainingOutcome train(
      EventSample sample, List<String> nuisanceNames, Method method, long seed, TaskRunner runner) {
    long start = System.nanoTime();
    requireColumns(sample, method);
    double[] thetaRef =
        method == Method.SALLY ? thetaRef(sample, sample.parameterNames().size()) : null;
    int n = sample.size();
    int nVal = (int) Math.round(n * config.validationSplit());
    if (n - nVal < 1 || (config.validationSplit() > 0 && nVal < 1)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a training sample of %d rows is too small for a validation split of %s; "
                  + "use more rows",
              n,
              config.validationSplit()));
    }
    int[] perm = Permutations.random(n, Seeds.derive(seed, 0));
    EventSample train = sample.select(java.util.Arrays.copyOfRange(perm, 0, n - nVal));
    EventSample val =
        nVal == 0 ? null : sample.select(java.util.Arrays.copyOfRange(perm, n - nVal, n));
    boolean ratio = method != Method.SALLY;
    int d = sample.featureCount();
    int p = sample.parameterNames().size();
    boolean doubly = ratio && isDoublyParameterized(sample);
    if (doubly && !nuisanceNames.isEmpty()) {
      throw new InvalidValueException(
          "trainingSample",
          "the sample has nuisance parameters and a θ1 that varies between rows; doubly "
              + "parameterised training needs a sample without nuisance parameters");
    }
    if (doubly && config.swapPairs()) {
      boolean scores = method.ratioLoss().orElseThrow().usesScore();
      train = SwappedPairs.of(train, scores);
      val = val == null ? null : SwappedPairs.of(val, scores);
    }
    boolean difference = doubly && config.antisymmetric();
    if (difference) {
      EnsembleMember.requireFused(config, method);
    }
    int q = doubly ? 2 * p : p;
    Scaling xs = Scaling.fit(train.x(), d);
    Scaling ts =
        !ratio
            ? null
            : difference
                ? sharedScaling(thetaInputs(train, p, true), p)
                : Scaling.fit(thetaInputs(train, p, doubly), q);
    Table trainTable = table(train, method, xs, ts, doubly);
    Table valTable = val == null ? null : table(val, method, xs, ts, doubly);
    TrainingConfig resolved = config.resolvedFor(method);
    List<Integer> ks = new ArrayList<>();
    List<Long> seeds = new ArrayList<>();
    for (int k = 0; k < config.ensembleSize(); k++) {
      ks.add(k);
      seeds.add(EnsembleMember.memberSeed(seed, k));
    }
    EnsembleMember task =
        new EnsembleMember(
            trainTable,
            valTable,
            config,
            method,
            new int[] {ratio ? (difference ? p : q) + d : d, ratio ? 1 : p, p, difference ? 1 : 0},
            seed,
            memberThreads(runner, config.ensembleSize()),
            listeners);
    long prepared = System.nanoTime();
    List<EnsembleMember.Trained> trained =
        runner == null ? ks.stream().map(task::apply).toList() : runner.map(ks, task);
    double membersWall = (System.nanoTime() - prepared) / 1e9;
    List<Network> members = new ArrayList<>();
    List<EpochReport> history = new ArrayList<>();
    double epochSum = 0;
    double validationSum = 0;
    for (EnsembleMember.Trained t : trained) {
      members.add(t.network());
      history.addAll(t.history());
      epochSum += t.epochSeconds();
      validationSum += t.validationSeconds();
    }
    double validationWall =
        epochSum + validationSum > 0 ? membersWall * validationSum / (epochSum + validationSum) : 0;
    ModelData model =
        new ModelData(
            method,
            config.precision(),
            sample.observables(),
            sample.parameterNames(),
            xs,
            ts,
            ratio ? thetaRange(sample, Column.THETA0, p) : null,
            members,
            nuisanceNames,
            thetaRef,
            doubly ? thetaRange(sample, Column.THETA1, p) : null,
            null);
    return new TrainingOutcome(
        model,
        resolved,
        seed,
        seeds,
        history,
        train.size(),
        val == null ? 0 : val.size(),
        (System.nanoTime() - start) / 1e9,
        new TrainingOutcome.Phases(
            (prepared - start) / 1e9, membersWall - validationWall, validationWall));
  }

  /**
   * Threads each of {@code members} members trains on, so that the members running at once share
   * the cores without oversubscribing them: all available processors for members one after the
   * other in this thread (no runner); the local runner's threads divided among the members it runs
   * at once (at least 1); 1 on any other runner (each member is one task slot of a cluster).
   */
  static int memberThreads(TaskRunner runner, int members) {
    if (runner == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (!(runner instanceof LocalTaskRunner)) {
      return 1;
    }
    int slots = runner.parallelism();
    return Math.max(1, slots / Math.min(members, slots));
  }

  /**
   * Fails with the missing column's dataset name when {@code sample} cannot train {@code m}, and
   * when the sample is of the other kind: a ratio sample (it has labels y) cannot train SALLY, a
   * SALLY sample (no labels) cannot train a ratio method.
   */
  public static void requireColumns(EventSample sample, Method m) {
    boolean ratioSample = sample.has(Column.Y);
    if (m == Method.SALLY && ratioSample) {
      throw new InvalidValueException(
          "trainingSample",
          "the training sample is a ratio sample (it has labels 'y'), but method sally needs a"
              + " SALLY sample at one θ_ref; augment one for method sally, or train a ratio method");
    }
    Set<Column> need = m.requiredColumns();
    if (m != Method.SALLY && !ratioSample && sample.has(Column.T_XZ0)) {
      throw new InvalidValueException(
          "trainingSample",
          "the training sample is a SALLY sample (it lacks "
              + need.stream()
                  .filter(c -> !sample.has(c))
                  .map(c -> "'" + c.datasetName() + "'")
                  .toList()
              + "), but method "
              + m.cliName()
              + " needs a ratio sample; augment one for a ratio method, or train method sally");
    }
    for (Column c : Column.values()) {
      if (need.contains(c) && !sample.has(c)) {
        throw new InvalidValueException(
            "trainingSample",
            "method "
                + m.cliName()
                + " needs dataset '"
                + c.datasetName()
                + "', which the training sample lacks; it needs "
                + need.stream().map(Column::datasetName).toList()
                + " besides x (augment the "
                + "sample for method "
                + (m == Method.SALLY ? "sally" : "ratio")
                + " or add the column)");
      }
    }
    if (sample.parameterNames().isEmpty()) {
      throw new IllegalArgumentException("the training sample names no parameters");
    }
  }

  /**
   * Whether {@code sample} trains a doubly parameterised ratio model: it has a θ1 column whose
   * values differ between rows.
   */
  public static boolean isDoublyParameterized(EventSample sample) {
    if (!sample.has(Column.THETA1) || sample.size() == 0) {
      return false;
    }
    double[] t1 = sample.column(Column.THETA1);
    int p = sample.parameterNames().size();
    for (int r = p; r < t1.length; r++) {
      if (t1[r] != t1[r % p]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The θ scaling of the difference form (docs/math.md §3.8): one scaling of p columns fitted on
   * the rows' θ0 and θ1 values together ({@code theta} holds θ0 ⊕ θ1 per row), repeated for the θ1
   * columns, since the one network g sees both.
   */
  static Scaling sharedScaling(double[] theta, int p) {
    Scaling one = Scaling.fit(theta, p);
    double[] mean = new double[2 * p];
    double[] scale = new double[2 * p];
    for (int k = 0; k < 2 * p; k++) {
      mean[k] = one.mean()[k % p];
      scale[k] = one.scale()[k % p];
    }
    return new Scaling(mean, scale);
  }

  /** The raw θ inputs of every row: θ0, or θ0 ⊕ θ1 for a doubly parameterised model. */
  static double[] thetaInputs(EventSample s, int p, boolean doubly) {
    double[] t0 = s.column(Column.THETA0);
    if (!doubly) {
      return t0;
    }
    double[] t1 = s.column(Column.THETA1);
    int n = s.size();
    double[] out = new double[n * 2 * p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(t0, i * p, out, i * 2 * p, p);
      System.arraycopy(t1, i * p, out, i * 2 * p + p, p);
    }
    return out;
  }

  private Table table(EventSample s, Method method, Scaling xs, Scaling ts, boolean doubly) {
    int n = s.size();
    int d = s.featureCount();
    int p = s.parameterNames().size();
    Table t = new Table(n);
    if (method == Method.SALLY) {
      t.put(Graphs.INPUT, standardise(s.x(), xs), d);
      t.put(Graphs.T, s.column(Column.T_XZ0), p);
      return t;
    }
    // inputs θ0 (then θ1) first, x last; the tangents are those of the first p inputs (θ0)
    int q = ts.width();
    double[] theta = standardise(thetaInputs(s, p, doubly), ts);
    double[] x = standardise(s.x(), xs);
    double[] input = new double[n * (q + d)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(theta, i * q, input, i * (q + d), q);
      System.arraycopy(x, i * d, input, i * (q + d) + q, d);
    }
    t.put(Graphs.INPUT, input, q + d).withInputTangents(p);
    RatioLoss loss = method.ratioLoss().orElseThrow();
    t.put(Graphs.Y, s.column(Column.Y), 1);
    if (loss.usesJointRatio()) {
      Graphs.jointRatioLabels(loss, s.column(Column.LOG_R_XZ), config.logRatioClip())
          .forEach((name, v) -> t.put(name, v, 1));
    }
    if (loss.usesScore()) {
      double[] score = s.column(Column.T_XZ0);
      double[] scale = ts.scale();
      for (int r = 0; r < score.length; r++) {
        score[r] *= scale[r % p];
      }
      t.put(Graphs.T, score, p);
    }
    return t;
  }

  private static double[] standardise(double[] v, Scaling s) {
    int w = s.width();
    double[] out = new double[v.length];
    for (int r = 0; r < v.length; r++) {
      out[r] = s.apply(r % w, v[r]);
    }
    return out;
  }

  /**
   * θ_ref of a SALLY sample: its θ0 column, the same on every row; null when the sample has none.
   */
  private static double[] thetaRef(EventSample s, int p) {
    if (!s.has(Column.THETA0) || s.size() == 0) {
      return null;
    }
    double[] ref = new double[p];
    for (int k = 0; k < p; k++) {
      ref[k] = s.value(Column.THETA0, 0, k);
    }
    for (int i = 1; i < s.size(); i++) {
      for (int k = 0; k < p; k++) {
        if (s.value(Column.THETA0, i, k) != ref[k]) {
          throw new InvalidValueException(
              "trainingSample",
              "the SALLY training sample's theta0 differs between rows 0 and "
                  + i
                  + "; a SALLY sample is drawn at one θ_ref (augment it for method sally)");
        }
      }
    }
    return ref;
  }

  static double[][] thetaRange(EventSample s, Column c, int p) {
    double[][] range = new double[p][];
    for (int k = 0; k < p; k++) {
      range[k] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }
    for (int i = 0; i < s.size(); i++) {
      for (int k = 0; k < p; k++) {
        double v = s.value(c, i, k);
        range[k][0] = Math.min(range[k][0], v);
        range[k][1] = Math.max(range[k][1], v);
      }
    }
    return range;
  }
}
