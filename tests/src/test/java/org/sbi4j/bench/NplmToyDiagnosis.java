package org.sbi4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.Seeds;
import org.sbi4j.inference.nplm.ChiSquaredFit;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.nplm.Sampler;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.nplm.Adam;
import org.sbi4j.training.nplm.FusedLoss;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmNetwork;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainer;
import org.sbi4j.training.nplm.NplmTrainingConfig;
import org.sbi4j.training.nplm.Standardization;

/**
 * Benchmark harness (not a unit test): re-runs single null toys of the authors' 1D benchmark
 * (docs/math.md §5.12, {@link NplmPublishedBenchmark}'s seeds: data derive(19, 1, k), training
 * derive(19, 2, k)) with either optimiser, logging each toy as it finishes, so that the Adam and
 * fast-mode nulls can be compared toy by toy (docs/math.md §5.12). Modes ({@code -Dnplm.mode}):
 *
 * <ul>
 *   <li>{@code adam}: 300 000 Adam epochs (η = 1e−3, {@code -Dnplm.epochs}) on standardised x
 *       exactly as {@link NplmTrainer} trains with {@code --optimizer adam}, logging t every 10 000
 *       epochs and the final parameters;
 *   <li>{@code fast}: the fast mode ({@code --optimizer lbfgs}), logging t and the parameters;
 *   <li>{@code both}: fast mode then Adam on each toy;
 *   <li>{@code summary}: the χ²_k of each optimiser over the toys of the log {@code
 *       -Dnplm.params=FILE} that both finished, the KS p-value against χ² of the network's
 *       parameter count (the authors' target), and with {@code -Dnplm.plot=PREFIX} both nulls'
 *       histograms beside those χ² densities ({@link NplmToyPlot#nullHistograms});
 *   <li>{@code tails}: how many toys have a data event above the reference's largest;
 *   <li>{@code plot}: f(x) of the fits logged in {@code -Dnplm.params=FILE} (a log of the modes
 *       above), as {@code -Dnplm.plot=PREFIX}-toyK.{png,svg} and a table on stdout ({@link
 *       NplmToyPlot}).
 * </ul>
 *
 * Toys: {@code -Dnplm.toys=5,25} (a list) or {@code -Dnplm.count=40} (toys 0 … K − 1); sizes {@code
 * -Dnplm.referenceSize}, {@code -Dnplm.expected}; {@code -Dnplm.threads} toys at a time (one thread
 * each; {@code -Dnplm.lossThreads} threads inside one Adam fit, the same t bitwise); Adam's
 * arithmetic {@code -Dnplm.precision=float64|float32} (t is always evaluated in double); log file
 * {@code -Dnplm.log}. Run with {@code bench/nplm-toys.sh}.
 */
final class NplmToyDiagnosis {
  static final long SEED = 19;
  static final NetworkShape SHAPE = NetworkShape.of(1, 4, 1);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private NplmToyDiagnosis() {}

  /** Runs the toys named by the system properties. */
  public static void main(String[] args) {
    int referenceSize = Integer.getInteger("nplm.referenceSize", 200_000);
    int expected = Integer.getInteger("nplm.expected", 2000);
    int epochs = Integer.getInteger("nplm.epochs", NplmTrainingConfig.DEFAULT_EPOCHS);
    String mode = System.getProperty("nplm.mode", "adam");
    List<Long> toys = new ArrayList<>();
    String list = System.getProperty("nplm.toys");
    if (list != null) {
      for (String s : list.split(",")) {
        toys.add(Long.parseLong(s.trim()));
      }
    } else {
      for (long k = 0; k < Integer.getInteger("nplm.count", 40); k++) {
        toys.add(k);
      }
    }
    if (mode.equals("summary")) {
      summary(System.getProperty("nplm.params"));
      return;
    }
    if (mode.equals("tails")) {
      tails(source(referenceSize, expected), toys);
      return;
    }
    if (mode.equals("plot")) {
      NplmToyPlot.plot(source(referenceSize, expected), toys);
      return;
    }
    SampledToys source = source(referenceSize, expected);
    NplmTrainingConfig config = NplmTrainingConfig.defaults(SHAPE, 9);
    log(
        String.format(
            Locale.ROOT,
            "# mode %s precision %s N_R %d N(0) %d epochs %d toys %s",
            mode,
            System.getProperty("nplm.precision", "float64"),
            referenceSize,
            expected,
            epochs,
            toys));
    try (LocalTaskRunner runner = new LocalTaskRunner(Integer.getInteger("nplm.threads", 1))) {
      runner.map(
          toys,
          k -> {
            NplmProblem problem = source.draw(Seeds.derive(SEED, 1, k));
            long seed = Seeds.derive(SEED, 2, k);
            if (!mode.equals("adam")) {
              long c0 = CPU.getCurrentThreadCpuTime();
              NplmNetwork fast =
                  NplmTrainer.train(problem, config.withOptimizer(NplmOptimizer.LBFGS), seed)
                      .network();
              result("fast", k, problem, fast, (CPU.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            if (!mode.equals("fast")) {
              long c0 = CPU.getCurrentThreadCpuTime();
              NplmNetwork adam = adam(problem, config, epochs, seed, k, c0);
              result("adam", k, problem, adam, (CPU.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            return k;
          });
    }
  }

  /**
   * The χ²_k fitted ({@link ChiSquaredFit}) to the toys of a log that both optimisers finished, per
   * optimiser, with its error and the mean of t_fast/t_Adam over those toys.
   */
  private static void summary(String file) {
    Map<String, Map<Long, Double>> t = new TreeMap<>();
    Set<Long> tail = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 4 && f[2].equals("t") && (f[0].equals("fast") || f[0].equals("adam"))) {
          t.computeIfAbsent(f[0], x -> new TreeMap<>())
              .put(Long.parseLong(f[1]), Double.parseDouble(f[4]));
          int beyond = List.of(f).indexOf("beyond");
          if (beyond > 0 && Integer.parseInt(f[beyond + 1]) > 0) {
            tail.add(Long.parseLong(f[1]));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<Long> both = new TreeSet<>(t.getOrDefault("fast", Map.of()).keySet());
    both.retainAll(t.getOrDefault("adam", Map.of()).keySet());
    double ratio = 0;
    int fastHigher = 0;
    for (long k : both) {
      ratio += t.get("fast").get(k) / t.get("adam").get(k) / both.size();
      fastHigher += t.get("fast").get(k) >= t.get("adam").get(k) ? 1 : 0;
    }
    Map<String, double[]> values = new TreeMap<>();
    Set<Long> bulk = new TreeSet<>(both);
    bulk.removeAll(tail);
    for (String opt : List.of("adam", "fast")) {
      double[] v = both.stream().mapToDouble(k -> t.get(opt).get(k)).toArray();
      values.put(opt, v);
      report(opt, v);
      if (!tail.isEmpty() && bulk.size() >= 2) {
        report(
            opt + " without the toys " + tail + " (a data event beyond the reference's largest)",
            bulk.stream().mapToDouble(k -> t.get(opt).get(k)).toArray());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "mean t_fast/t_adam = %.3f; t_fast ≥ t_adam on %d of %d toys; k_fast − k_adam = %s%n",
        ratio,
        fastHigher,
        both.size(),
        pairedShift(values.get("fast"), values.get("adam")));
    String plot = System.getProperty("nplm.plot");
    if (plot != null && !both.isEmpty()) {
      NplmToyPlot.nullHistograms(values, SHAPE.parameterCount(), Path.of(plot));
    }
  }

  /**
   * The difference of the fitted k of two paired samples of t (the same toys) with its error from
   * 2000 paired bootstrap resamples (fixed seed).
   */
  private static String pairedShift(double[] a, double[] b) {
    if (a == null || b == null || a.length < 2) {
      return "n/a";
    }
    double shift = ChiSquaredFit.fit(a).dof() - ChiSquaredFit.fit(b).dof();
    SplittableRandom rng = new SplittableRandom(SEED);
    double[] d = new double[2000];
    for (int r = 0; r < d.length; r++) {
      double[] ra = new double[a.length];
      double[] rb = new double[b.length];
      for (int i = 0; i < a.length; i++) {
        int j = rng.nextInt(a.length);
        ra[i] = a[j];
        rb[i] = b[j];
      }
      d[r] = ChiSquaredFit.fit(ra).dof() - ChiSquaredFit.fit(rb).dof();
    }
    return String.format(
        Locale.ROOT,
        "%.2f ± %.2f (paired bootstrap)",
        shift,
        Math.sqrt(NplmPublishedBenchmark.variance(d)));
  }

  private static void report(String label, double[] v) {
    ChiSquaredFit fit = ChiSquaredFit.fit(v);
    double ks13 =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new ChiSquaredDistribution(null, SHAPE.parameterCount()), v);
    System.out.printf(
        Locale.ROOT,
        "%s: %d toys, k = %.2f ± %.2f, KS p = %.3f (against χ²_%d: %.3f), mean t = %.2f ± %.2f,"
            + " median %.2f, max %.2f%n",
        label,
        v.length,
        fit.dof(),
        fit.dofError(),
        fit.ksPValue(),
        SHAPE.parameterCount(),
        ks13,
        Arrays.stream(v).average().orElse(Double.NaN),
        Math.sqrt(NplmPublishedBenchmark.variance(v) / v.length),
        NplmPublishedBenchmark.median(v),
        Arrays.stream(v).max().orElse(Double.NaN));
  }

  /**
   * How often a toy's largest data event lies above its reference's largest event (where f can rise
   * to the clip bound at no cost, docs/math.md §5.9): expected N_D/(N_D + N_R) per toy.
   */
  private static void tails(SampledToys source, List<Long> toys) {
    int beyond = 0;
    int gap = 0;
    double expected = 0;
    StringBuilder which = new StringBuilder();
    for (long k : toys) {
      NplmProblem p = source.draw(Seeds.derive(SEED, 1, k));
      double dataMax = Arrays.stream(p.data()).max().orElse(Double.NEGATIVE_INFINITY);
      double refMax = Arrays.stream(p.reference()).max().orElse(Double.NaN);
      expected += (double) p.dataSize() / (p.dataSize() + p.referenceSize());
      if (dataMax > refMax) {
        beyond++;
        which.append(String.format(Locale.ROOT, " %d (%.2f)", k, dataMax - refMax));
      }
      gap += dataMax > refMax + 0.5 ? 1 : 0;
    }
    log(
        String.format(
            Locale.ROOT,
            "tails: %d of %d toys have their largest data event above the reference's largest"
                + " (expected %.1f), %d by more than 0.5; toy (gap):%s",
            beyond,
            toys.size(),
            expected,
            gap,
            which));
  }

  /** The null toys of {@link NplmPublishedBenchmark} at the given size. */
  static SampledToys source(int referenceSize, int expected) {
    return new SampledToys(Sampler.exponential(1), referenceSize, expected, null, 0, null);
  }

  /**
   * Adam as {@link NplmTrainer} runs it (standardised x, Glorot start from the seed, weights
   * clipped into [−W, W]), logging t every 10 000 epochs.
   */
  private static NplmNetwork adam(
      NplmProblem problem, NplmTrainingConfig config, int epochs, long seed, long toy, long c0) {
    Standardization input = Standardization.of(problem);
    double[] x = SHAPE.initialParameters(seed);
    try (FusedLoss loss =
        new FusedLoss(
            SHAPE,
            input.apply(problem),
            Integer.getInteger("nplm.lossThreads", 1),
            Precision.valueOf(
                System.getProperty("nplm.precision", "float64").toUpperCase(Locale.ROOT)))) {
      Adam.withLearningRate(config.learningRate())
          .minimize(
              loss,
              x,
              config.lowerBounds(),
              config.upperBounds(),
              epochs,
              (t, v) -> {
                if (t % 10_000 == 0) {
                  log(
                      String.format(
                          Locale.ROOT,
                          "adam %d epoch %d t = %.6f cpu %.0f s",
                          toy,
                          t,
                          -2 * v,
                          (CPU.getCurrentThreadCpuTime() - c0) / 1e9));
                }
              });
    }
    return new NplmNetwork(SHAPE, x, input);
  }

  /** One toy's line: t, the data tail against the reference's, f there, and the parameters. */
  private static void result(
      String optimizer, long toy, NplmProblem problem, NplmNetwork net, double cpuSeconds) {
    double t = -2 * NplmTrainer.loss(problem, net);
    double refMax = Arrays.stream(problem.reference()).max().orElse(Double.NaN);
    double[] data = problem.data().clone();
    Arrays.sort(data);
    double dataMax = data[data.length - 1];
    long beyond = Arrays.stream(data).filter(v -> v > refMax).count();
    double[] f = net.evaluate(new double[] {dataMax});
    log(
        String.format(
            Locale.ROOT,
            "%s %d t = %.6f N_D %d refmax %.4f datamax %.4f beyond %d f(datamax) %.3f cpu %.1f s"
                + " params %s",
            optimizer,
            toy,
            t,
            data.length,
            refMax,
            dataMax,
            beyond,
            f[0],
            cpuSeconds,
            Arrays.toString(net.parameters()).replace(" ", "")));
  }

  private static void log(String line) {
    NplmPublishedBenchmark.log(line);
  }
}
