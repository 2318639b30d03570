package org.sbi4j.samples;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;

/**
 * The one sample type that flows through samples, training and inference: n events with d named
 * features x, optionally one weight per benchmark (pb, summing to the benchmark's cross section
 * over the whole sample), the benchmark each event was generated at, and the training columns of
 * {@link Column}.
 *
 * <p>Immutable. Arrays are stored flat and row-major (event-major) and shared, never copied,
 * between the samples that stages derive with the {@code with…} methods; accessors that return
 * arrays return copies, the element accessors ({@link #x(int, int)}, {@link #weight(int, int)},
 * {@link #value(Column, int, int)}) do not copy.
 */
public final class EventSample {
  private final MorphingSetup setup;
  private final List<String> observables;
  private final List<String> parameterNames;
  private final int size;
  private final double[] x;
  private final double[] weights;
  private final int[] sampledFrom;
  private final Map<Column, double[]> columns;
  private final Nuisances nuisances;
  private final double[] nuisanceWeights;

  private EventSample(
      MorphingSetup setup,
      List<String> observables,
      List<String> parameterNames,
      int size,
      double[] x,
      double[] weights,
      int[] sampledFrom,
      Map<Column, double[]> columns,
      Nuisances nuisances,
      double[] nuisanceWeights) {
    this.setup = setup;
    this.observables = observables;
    this.parameterNames = parameterNames;
    this.size = size;
    this.x = x;
    this.weights = weights;
    this.sampledFrom = sampledFrom;
    this.columns = columns;
    this.nuisances = nuisances;
    this.nuisanceWeights = nuisanceWeights;
  }

  /**
   * A sample of features only.
   *
   * @param observables feature names, d ≥ 1, unique
   * @param x n × d features, row-major, length n·d, finite
   */
  public static EventSample ofFeatures(List<String> observables, double[] x) {
    List<String> names = List.copyOf(observables);
    int n = SampleChecks.featureRows(names, x);
    return new EventSample(
        null,
        names,
        List.of(),
        n,
        x.clone(),
        null,
        null,
        new EnumMap<>(Column.class),
        Nuisances.NONE,
        null);
  }

  /** A sample of features only, from rows. */
  public static EventSample ofFeatures(List<String> observables, double[][] rows) {
    return ofFeatures(observables, flatten("x", rows, observables.size()));
  }

  /**
   * This sample with a morphing setup and one weight per event and benchmark.
   *
   * @param setup the setup whose benchmarks the weight columns follow
   * @param weights n × B weights, row-major, finite (NaN and ±∞ name the event and benchmark)
   * @param sampledFrom benchmark index each event was generated at, −1 for background; or null
   * @throws IllegalArgumentException when the sample has nuisance parameters that {@code setup}
   *     does not accept (their names or benchmarks clash with its θ, or their reference benchmark
   *     is not among its benchmarks): the events' weights at the nuisance benchmarks are kept
   *     otherwise, never dropped silently
   */
  public EventSample withWeights(MorphingSetup setup, double[] weights, int[] sampledFrom) {
    SampleChecks.checkWeights(nuisances, setup, size, weights, sampledFrom);
    return new EventSample(
        setup,
        observables,
        setup.parameterNames(),
        size,
        x,
        weights.clone(),
        sampledFrom == null ? null : sampledFrom.clone(),
        columns,
        nuisances,
        nuisanceWeights);
  }

  /**
   * This sample with nuisance parameters and the events' weights at the nuisance benchmarks
   * (docs/math.md §7).
   *
   * @param nuisances the nuisance parameters; checked against the sample's setup
   * @param weights n × K weights at the nuisance benchmarks, row-major, finite
   */
  public EventSample withNuisances(Nuisances nuisances, double[] weights) {
    requireWeights();
    nuisances.checkAgainst(setup);
    SampleChecks.checkNuisanceWeights(nuisances, size, weights);
    return new EventSample(
        setup,
        observables,
        parameterNames,
        size,
        x,
        this.weights,
        sampledFrom,
        columns,
        nuisances,
        nuisances.isEmpty() ? null : weights.clone());
  }

  /** The nuisance parameters ({@link Nuisances#NONE} when the sample has none). */
  public Nuisances nuisances() {
    return nuisances;
  }

  /** Weight of event i at nuisance benchmark k (the column order of the nuisance benchmarks). */
  public double nuisanceWeight(int i, int k) {
    return requireNuisances()[i * nuisances.benchmarks().size() + k];
  }

  /** All nuisance weights, n × K row-major (a copy). */
  public double[] nuisanceWeights() {
    return requireNuisances().clone();
  }

  /**
   * The nuisance-morphing coefficients of every event, relative to its weight at the reference
   * benchmark.
   */
  public NuisanceMorphing nuisanceMorphing(NuisanceMorphing.Policy policy) {
    double[] nw = requireNuisances();
    int ref = nuisances.checkAgainst(setup);
    int nb = setup.benchmarks().size();
    double[] w0 = new double[size];
    for (int i = 0; i < size; i++) {
      w0[i] = weights[i * nb + ref];
    }
    return NuisanceMorphing.of(nuisances, w0, nw, policy);
  }

  private double[] requireNuisances() {
    if (nuisanceWeights == null) {
      throw new IllegalArgumentException(
          "the sample has no nuisance parameters; use an event file with nuisance benchmarks");
    }
    return nuisanceWeights;
  }

  /**
   * This sample with a column added or replaced.
   *
   * @param column which column
   * @param values n values, or n × p row-major for per-parameter columns; finite
   * @param parameters names of the p parameters (used and checked for per-parameter columns)
   */
  public EventSample withColumn(Column column, double[] values, List<String> parameters) {
    List<String> params =
        SampleChecks.columnParameters(column, parameterNames, parameters, size, values);
    Map<Column, double[]> next = new EnumMap<>(Column.class);
    next.putAll(columns);
    next.put(column, values.clone());
    return new EventSample(
        setup,
        observables,
        params,
        size,
        x,
        weights,
        sampledFrom,
        next,
        nuisances,
        nuisanceWeights);
  }

  /** Number of events n. */
  public int size() {
    return size;
  }

  /** Number of features d. */
  public int featureCount() {
    return observables.size();
  }

  public List<String> observables() {
    return observables;
  }

  /** Parameter names, empty when the sample carries neither a setup nor θ columns. */
  public List<String> parameterNames() {
    return parameterNames;
  }

  public Optional<MorphingSetup> setup() {
    return Optional.ofNullable(setup);
  }

  /** Feature j of event i. */
  public double x(int i, int j) {
    return x[i * observables.size() + j];
  }

  /** All features, n × d row-major (a copy). */
  public double[] x() {
    return x.clone();
  }

  /** The features of event i (a copy). */
  public double[] xRow(int i) {
    int d = observables.size();
    double[] row = new double[d];
    System.arraycopy(x, i * d, row, 0, d);
    return row;
  }

  public boolean hasWeights() {
    return weights != null;
  }

  /** Weight of event i at benchmark b. */
  public double weight(int i, int b) {
    return requireWeights()[i * setup.benchmarks().size() + b];
  }

  /** All weights, n × B row-major (a copy). */
  public double[] weights() {
    return requireWeights().clone();
  }

  /** Benchmark index event i was generated at (−1 background), or empty when unknown. */
  public Optional<int[]> sampledFrom() {
    return Optional.ofNullable(sampledFrom == null ? null : sampledFrom.clone());
  }

  public boolean has(Column column) {
    return columns.containsKey(column);
  }

  /** The columns present. */
  public java.util.Set<Column> columns() {
    return Collections.unmodifiableSet(columns.keySet());
  }

  /** Entry k of column {@code column} for event i (k = 0 for single-valued columns). */
  public double value(Column column, int i, int k) {
    return require(column)[i * width(column) + k];
  }

  /** A whole column, n or n × p row-major (a copy). */
  public double[] column(Column column) {
    return require(column).clone();
  }

  /** Values per event of a column: 1 or the number of parameters. */
  public int width(Column column) {
    return column.perParameter() ? parameterNames.size() : 1;
  }

  /**
   * The events at {@code indices}, in that order (indices may repeat, as in sampling with
   * replacement); all columns follow.
   */
  public EventSample select(int[] indices) {
    int d = observables.size();
    double[] nx = SampleChecks.gather(x, d, indices);
    double[] nw =
        weights == null ? null : SampleChecks.gather(weights, setup.benchmarks().size(), indices);
    int[] ns = null;
    if (sampledFrom != null) {
      ns = new int[indices.length];
      for (int k = 0; k < indices.length; k++) {
        ns[k] = sampledFrom[indices[k]];
      }
    }
    Map<Column, double[]> next = new EnumMap<>(Column.class);
    for (Map.Entry<Column, double[]> e : columns.entrySet()) {
      next.put(e.getKey(), SampleChecks.gather(e.getValue(), width(e.getKey()), indices));
    }
    double[] nn =
        nuisanceWeights == null
            ? null
            : SampleChecks.gather(nuisanceWeights, nuisances.benchmarks().size(), indices);
    return new EventSample(
        setup, observables, parameterNames, indices.length, nx, nw, ns, next, nuisances, nn);
  }

  /** Events [from, to) as a new sample. */
  public EventSample range(int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IllegalArgumentException("range [" + from + ", " + to + ") outside 0.." + size);
    }
    int[] idx = new int[to - from];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = from + k;
    }
    return select(idx);
  }

  private double[] require(Column column) {
    double[] v = columns.get(column);
    if (v == null) {
      throw new IllegalArgumentException(
          "the sample has no column '"
              + column.datasetName()
              + "'; add it (mine or augment the events) or use a method that does not need it");
    }
    return v;
  }

  private double[] requireWeights() {
    if (weights == null) {
      throw new IllegalArgumentException(
          "the sample has no benchmark weights; use an event file with a morphing setup");
    }
    return weights;
  }

  /** Row-major copy of a rectangular matrix, checking every row's width. */
  public static double[] flatten(String name, double[][] rows, int width) {
    return SampleChecks.flatten(name, rows, width);
  }
}
