package org.sbi4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.Seeds;
import org.sbi4j.inference.nplm.ChiSquaredFit;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.nplm.Sampler;
import org.sbi4j.inference.nplm.Significance;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmTrainer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * Benchmark harness (not a unit test: surefire does not pick up this name): the NPLM authors' 1D
 * benchmark against their published numbers (docs/math.md §5.12). Reference e^{−x} with N_R events,
 * data Poisson(N(0)) reference events plus, for the signal toys, Poisson(10) events of N(6.4,
 * 0.16²); 1-4-1, W = 9, fast mode. Null toys give the fitted χ²_k (with its statistical error and
 * the KS p-value against χ²₁₃, the authors' target), signal toys the median t and its Z (with a
 * bootstrap error). Each toy is logged as it finishes ({@code -Dnplm.log=FILE}); {@code
 * -Dnplm.fromLog=FILE} summarises the toys of such a log instead of running toys. Run with {@code
 * bench/nplm-published.sh}; appends a section to {@code bench/results/nplm.md}.
 */
class NplmPublishedBenchmark {
  /** The parameter count of 1-4-1, the authors' χ² degrees of freedom. */
  private static final int PARAMETERS = 13;

  /** Root seed of the toys (the number). */
  private static final long SEED = 19;

  private static final Path OUT =
      Files.isDirectory(Path.of("bench", "results"))
          ? Path.of("bench", "results", "nplm.md")
          : Path.of("..", "bench", "results", "nplm.md");

  /** Runs the benchmark (system properties {@code nplm.*}, see bench/nplm-published.sh). */
  public static void main(String[] args) throws IOException {
    int referenceSize = Integer.getInteger("nplm.referenceSize", 200_000);
    int expected = Integer.getInteger("nplm.expected", 2000);
    String fromLog = System.getProperty("nplm.fromLog");
    List<Double> nullT = new ArrayList<>();
    List<Double> signalT = new ArrayList<>();
    long start = System.nanoTime();
    if (fromLog != null) {
      for (String line : Files.readAllLines(Path.of(fromLog))) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 5 && f[2].equals("t") && f[0].equals("null")) {
          nullT.add(Double.parseDouble(f[4]));
        } else if (f.length >= 5 && f[2].equals("t") && f[0].equals("signal")) {
          signalT.add(Double.parseDouble(f[4]));
        }
      }
    } else {
      int threads = Integer.getInteger("nplm.threads", 2);
      nullT.addAll(
          toys(
              "null",
              0,
              Integer.getInteger("nplm.nullToys", 100),
              referenceSize,
              expected,
              threads));
      signalT.addAll(
          toys(
              "signal",
              10,
              Integer.getInteger("nplm.signalToys", 20),
              referenceSize,
              expected,
              threads));
    }
    append(
        summary(
            referenceSize,
            expected,
            nullT.stream().mapToDouble(Double::doubleValue).toArray(),
            signalT.stream().mapToDouble(Double::doubleValue).toArray(),
            fromLog,
            (System.nanoTime() - start) / 1e9));
  }

  /** K toys with N_S expected signal events, {@code threads} at a time, each logged. */
  private static List<Double> toys(
      String kind, double signal, int count, int referenceSize, int expected, int threads) {
    SampledToys source =
        new SampledToys(
            Sampler.exponential(1),
            referenceSize,
            expected,
            signal > 0 ? Sampler.normal(6.4, 0.16) : null,
            signal,
            null);
    NplmTrainingConfig training =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9).withOptimizer(NplmOptimizer.LBFGS);
    long stream = signal > 0 ? 3 : 1;
    List<Long> idx = new ArrayList<>();
    for (long k = 0; k < count; k++) {
      idx.add(k);
    }
    try (LocalTaskRunner runner = new LocalTaskRunner(threads)) {
      return runner.map(
          idx,
          k -> {
            long t0 = System.nanoTime();
            double t =
                NplmTrainer.train(
                        source.draw(Seeds.derive(SEED, stream, k)),
                        training,
                        Seeds.derive(SEED, stream + 1, k))
                    .t();
            log(
                String.format(
                    Locale.ROOT,
                    "%s %d t = %.6f in %.1f s",
                    kind,
                    k,
                    t,
                    (System.nanoTime() - t0) / 1e9));
            return t;
          });
    }
  }

  /** The report section: the null's χ²_k and the signal's median t and Z against the papers'. */
  static String summary(
      int referenceSize,
      int expected,
      double[] nullT,
      double[] signalT,
      String fromLog,
      double seconds) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%n## The authors' 1D benchmark against their published numbers (N_R = %d, N(0) = %d, "
                + "1-4-1, W = 9, fast mode)%n%nMeasured %s on the shared build machine (2 cores; "
                + "/proc/loadavg at the end = %s; under load, provisional). JDK %s. Null toy k: "
                + "data seed derive(19, 1, k), training seed derive(19, 2, k); signal toy k "
                + "(Poisson(10) events of N(6.4, 0.16²) added): derive(19, 3, k), derive(19, 4, k)."
                + " %s%n%n",
            referenceSize,
            expected,
            java.time.Instant.now(),
            BenchReport.loadAverage(),
            System.getProperty("java.version"),
            fromLog == null
                ? String.format(Locale.ROOT, "%.0f s wall in all.", seconds)
                : "Summarised from the toy log " + fromLog + " (the toys that finished)."));
    md.append("| quantity | sbi4j | published (docs/math.md §5.12) |\n|---|---|---|\n");
    double k = Double.NaN;
    if (nullT.length >= 2) {
      ChiSquaredFit fit = ChiSquaredFit.fit(nullT);
      k = fit.dof();
      double ks13 =
          new KolmogorovSmirnovTest()
              .kolmogorovSmirnovTest(new ChiSquaredDistribution(null, PARAMETERS), nullT);
      md.append(
          String.format(
              Locale.ROOT,
              "| null: fitted χ² dof k (± stat.) | %.2f ± %.2f (%d toys, KS p = %.3f) | 13 "
                  + "(target); 12.67 ± 0.48 fitted to their 100 stored toys |%n"
                  + "| null: KS p against χ²₁₃ | %.3f | 0.078 |%n"
                  + "| null: mean t | %.2f ± %.2f | 12.55 |%n",
              k,
              fit.dofError(),
              nullT.length,
              fit.ksPValue(),
              ks13,
              mean(nullT),
              Math.sqrt(variance(nullT) / nullT.length)));
    }
    if (signalT.length >= 2) {
      double median = median(signalT);
      double[] boot = bootstrapMedians(signalT, 2000);
      double[] z13 =
          Arrays.stream(boot).map(m -> Significance.chiSquaredZ(m, PARAMETERS)).toArray();
      md.append(
          String.format(
              Locale.ROOT,
              "| signal (N(S) = 10 at 6.4, σ = 0.16): median t (± bootstrap) | %.2f ± %.2f (%d "
                  + "toys) | 30.52 ± 1.22 (τ − Δ, nuisances σ = 0.05) |%n"
                  + "| signal: Z of the median t against χ²₁₃ | %.2f ± %.2f | 2.66 ± 0.14 |%n",
              median,
              Math.sqrt(variance(boot)),
              signalT.length,
              Significance.chiSquaredZ(median, PARAMETERS),
              Math.sqrt(variance(z13))));
      if (Double.isFinite(k)) {
        md.append(
            String.format(
                Locale.ROOT,
                "| signal: Z of the median t against the fitted χ²_k | %.2f | — |%n",
                Significance.chiSquaredZ(median, k)));
      }
    }
    md.append(
        String.format(Locale.ROOT, "%nNull t: %s%n%nSignal t: %s%n", round(nullT), round(signalT)));
    return md.toString();
  }

  private static double[] bootstrapMedians(double[] t, int resamples) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(SEED, 5));
    double[] out = new double[resamples];
    double[] draw = new double[t.length];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < t.length; i++) {
        draw[i] = t[rng.nextInt(t.length)];
      }
      out[b] = median(draw);
    }
    return out;
  }

  static double median(double[] t) {
    double[] s = t.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  private static double mean(double[] t) {
    return Arrays.stream(t).average().orElse(Double.NaN);
  }

  static double variance(double[] t) {
    double m = mean(t);
    return Arrays.stream(t).map(v -> (v - m) * (v - m)).sum() / Math.max(1, t.length - 1);
  }

  private static String round(double[] t) {
    return Arrays.toString(Arrays.stream(t).map(v -> Math.round(v * 1000) / 1000.0).toArray());
  }

  /** Prints a line and appends it to the file of {@code -Dnplm.log}, if any. */
  static synchronized void log(String line) {
    System.out.println(line);
    String file = System.getProperty("nplm.log");
    if (file != null) {
      try {
        Files.writeString(
            Path.of(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void append(String text) throws IOException {
    Files.createDirectories(OUT.getParent());
    Files.writeString(OUT, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
