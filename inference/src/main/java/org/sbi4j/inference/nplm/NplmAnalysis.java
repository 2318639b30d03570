package org.sbi4j.inference.nplm;

import java.util.Locale;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NuisanceModel;

/**
 * NPLM on event samples, the entry point of {@code sbi4j nplm}: checks that the samples fit
 * together, builds the problems (per-event weights from {@link Column#WEIGHT} where present) and
 * runs {@link NplmTest} with toys drawn from the reference sample ({@link PoolToys}) or the {@link
 * SymmetrizedTest}.
 */
public final class NplmAnalysis {
  private NplmAnalysis() {}

  /**
   * Tests {@code data} against {@code reference}.
   *
   * @param expected N(0), the expected number of data events under the reference hypothesis
   */
  public static NplmResult against(
      EventSample data,
      EventSample reference,
      double expected,
      NplmTestConfig config,
      TaskRunner runner) {
    Setup setup = setup(data, reference, expected, config);
    return NplmTest.run(setup.observed(), setup.toys(), config, runner);
  }

  /**
   * Tests {@code data} against {@code reference} with nuisances (docs/math.md §5.11): t = τ − Δ,
   * the null from toys drawn from the (nominal) reference with auxiliary measurements drawn around
   * 0.
   *
   * @param aux the observed auxiliary measurements ν⁰, in {@link NuisanceModel} order
   */
  public static NuisanceTest.Outcome withNuisances(
      EventSample data,
      EventSample reference,
      double expected,
      NplmTestConfig config,
      NuisanceModel model,
      double[] aux,
      TaskRunner runner) {
    Setup setup = setup(data, reference, expected, config);
    return NuisanceTest.run(setup.observed(), setup.toys(), config, model, aux, runner);
  }

  /**
   * Tests {@code data} against {@code reference} at the clip W chosen by a {@link ClipScan} over
   * {@code clips} ({@code config}'s clip is ignored); the chosen W's scan toys are the null.
   */
  public static ClipChoice choosingClip(
      EventSample data,
      EventSample reference,
      double expected,
      double[] clips,
      NplmTestConfig config,
      TaskRunner runner) {
    Setup setup = setup(data, reference, expected, config);
    NplmProblem observed = setup.observed();
    PoolToys toys = setup.toys();
    ClipScan scan =
        ClipScan.run(toys, config.training(), clips, config.toys(), config.seed(), runner);
    NplmTestConfig chosen =
        new NplmTestConfig(
            config.training().withClip(scan.chosen()), config.toys(), config.seed(), null);
    return new ClipChoice(
        scan, NplmTest.withNull(observed, scan.chosenEntry().nullT(), chosen, runner));
  }

  /** The observed problem and the reference-pool toys of a test of data against reference. */
  private record Setup(NplmProblem observed, PoolToys toys) {}

  /** Checks the samples and the network, then builds the observed problem and its toys. */
  private static Setup setup(
      EventSample data, EventSample reference, double expected, NplmTestConfig config) {
    sameObservables("data", data, "reference", reference);
    nonEmpty("data", data);
    nonEmpty("reference", reference);
    int d = data.featureCount();
    checkNetwork(config, d, data);
    double[] refW = reference.has(Column.WEIGHT) ? reference.column(Column.WEIGHT) : null;
    double[] dataW = data.has(Column.WEIGHT) ? data.column(Column.WEIGHT) : null;
    NplmProblem observed = NplmProblem.weighted(d, reference.x(), refW, data.x(), dataW, expected);
    return new Setup(observed, new PoolToys(d, reference.x(), refW, expected));
  }

  /**
   * An NPLM result at a chosen clip and the scan that chose it.
   *
   * @param scan the clip scan
   * @param result the test at the chosen clip
   */
  public record ClipChoice(ClipScan scan, NplmResult result) {}

  private static void checkNetwork(NplmTestConfig config, int d, EventSample data) {
    if (config.training().kernel() == null && config.training().network().inputs() != d) {
      throw new InvalidValueException(
          "network",
          String.format(
              Locale.ROOT,
              "network %s takes %d inputs but the samples have %d observables %s; use a network "
                  + "%d,4,1",
              config.training().network(),
              config.training().network().inputs(),
              d,
              data.observables(),
              d));
    }
  }

  /** The symmetrized two-sample test of {@code a} against {@code b} (unweighted events). */
  public static NplmResult symmetrized(
      EventSample a, EventSample b, NplmTestConfig config, TaskRunner runner) {
    sameObservables("a", a, "b", b);
    nonEmpty("a", a);
    nonEmpty("b", b);
    if (a.has(Column.WEIGHT) || b.has(Column.WEIGHT)) {
      throw new IllegalArgumentException(
          "the symmetrized test takes unweighted events, but "
              + (a.has(Column.WEIGHT) ? "a" : "b")
              + " has a weights column; unweight the sample "
              + "first");
    }
    int d = a.featureCount();
    if (config.training().kernel() == null && config.training().network().inputs() != d) {
      throw new InvalidValueException(
          "network",
          String.format(
              Locale.ROOT,
              "network %s takes %d inputs but the samples have %d observables; use a network %d,4,1",
              config.training().network(),
              config.training().network().inputs(),
              d,
              d));
    }
    return SymmetrizedTest.run(d, a.x(), b.x(), config, runner);
  }

  private static void sameObservables(String n1, EventSample s1, String n2, EventSample s2) {
    if (s1.featureCount() != s2.featureCount()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s has %d observables %s but %s has %d %s; give both samples the same observables",
              n1,
              s1.featureCount(),
              s1.observables(),
              n2,
              s2.featureCount(),
              s2.observables()));
    }
  }

  private static void nonEmpty(String name, EventSample s) {
    if (s.size() == 0) {
      throw new IllegalArgumentException("the " + name + " sample is empty; give it events");
    }
  }
}
