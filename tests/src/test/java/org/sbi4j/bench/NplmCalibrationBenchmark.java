package org.sbi4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.Seeds;
import org.sbi4j.inference.nplm.ChiSquaredFit;
import org.sbi4j.inference.nplm.ClipScan;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.nplm.Sampler;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmFit;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * Benchmark harness (not a unit test: surefire does not pick up this name) for the null calibration
 * of the quickstart's NPLM stage: its 20 null toys (reference e^{−x}, N(0) = 100, 1-4-1, W = 9,
 * fast mode, the quickstart's seeds) with the quickstart's N_R = 2000 and with a larger reference,
 * each toy's t next to the number of data events above the reference's largest event and f at the
 * largest data event. Run with {@code bench/nplm-calibration.sh} ({@code
 * -Dnplm.references=2000,20000 -Dnplm.toys=20}), or with {@code -Dnplm.clips=1,3,6,9,12} for the
 * clip scan of {@code nplm --choose-clip} on those toys; appends to {@code bench/results/nplm.md}.
 */
class NplmCalibrationBenchmark {
  private static final Path OUT = Path.of("..", "bench", "results", "nplm.md");

  @Test
  void run() {
    if (System.getProperty("nplm.clips") != null) {
      clipScan();
      return;
    }
    int toys = Integer.getInteger("nplm.toys", 20);
    int[] sizes =
        Arrays.stream(System.getProperty("nplm.references", "2000,20000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    NplmTrainingConfig training =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9).withOptimizer(NplmOptimizer.LBFGS);
    // the quickstart's default root seed 1, its NPLM stage's seed derive(1, 21)
    long seed = Seeds.derive(1, 21);
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%n## Null calibration of the quickstart's NPLM toys (e^{−x}, N(0) = 100, 1-4-1, W = 9, "
                + "fast mode)%n%nMeasured %s on the shared build machine (2 cores; other helpers "
                + "were building at the same time, /proc/loadavg = %s). Toy k: data seed "
                + "derive(derive(1, 21), 1, k), training seed derive(derive(1, 21), 2, k), as in "
                + "the quickstart. \"beyond\": data events above the reference's largest event.%n%n",
            java.time.Instant.now(),
            BenchReport.loadAverage()));
    for (int nr : sizes) {
      SampledToys source = SampledToys.nullToys(Sampler.exponential(1), nr, 100);
      double[] t = new double[toys];
      md.append(String.format(Locale.ROOT, "N_R = %d:%n%n", nr));
      md.append("| toy | t | N_D | ref max | data max | beyond | f(data max) |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      long start = System.nanoTime();
      for (int k = 0; k < toys; k++) {
        NplmProblem p = source.draw(Seeds.derive(seed, 1, k));
        NplmFit fit = NplmTrainer.train(p, training, Seeds.derive(seed, 2, k));
        double refMax = Arrays.stream(p.reference()).max().orElse(Double.NaN);
        double dataMax = Arrays.stream(p.data()).max().orElse(Double.NaN);
        long beyond = Arrays.stream(p.data()).filter(v -> v > refMax).count();
        t[k] = fit.t();
        md.append(
            String.format(
                Locale.ROOT,
                "| %d | %.3f | %d | %.3f | %.3f | %d | %.2f |%n",
                k,
                fit.t(),
                p.dataSize(),
                refMax,
                dataMax,
                beyond,
                fit.network().f(new double[] {dataMax})));
      }
      ChiSquaredFit all = ChiSquaredFit.fit(t);
      ChiSquaredFit below = ChiSquaredFit.fit(Arrays.stream(t).filter(v -> v < 50).toArray());
      md.append(
          String.format(
              Locale.ROOT,
              "%nχ² fit to all %d toys: k = %.2f (KS p = %.3g); to the %d toys with t < 50: k = "
                  + "%.2f (KS p = %.3g); %.1f s per toy, one at a time.%n%n",
              toys,
              all.dof(),
              all.ksPValue(),
              below.used(),
              below.dof(),
              below.ksPValue(),
              (System.nanoTime() - start) / 1e9 / toys));
    }
    try {
      Files.writeString(OUT, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code -Dnplm.clips=1,3,6,9,12}: the clip scan of {@code nplm --choose-clip} on the
   * quickstart's null toys (reference size {@code -Dnplm.references}, first value).
   */
  private void clipScan() {
    double[] clips =
        Arrays.stream(System.getProperty("nplm.clips").split(","))
            .mapToDouble(Double::parseDouble)
            .toArray();
    int toys = Integer.getInteger("nplm.toys", 20);
    int nr = Integer.parseInt(System.getProperty("nplm.references", "2000").split(",")[0]);
    NplmTrainingConfig training =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9).withOptimizer(NplmOptimizer.LBFGS);
    long start = System.nanoTime();
    ClipScan scan;
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      scan =
          ClipScan.run(
              SampledToys.nullToys(Sampler.exponential(1), nr, 100),
              training,
              clips,
              toys,
              Seeds.derive(1, 21),
              runner);
    }
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%n## Clip scan (`nplm --choose-clip`) on the quickstart's null toys (e^{−x}, N_R = %d, "
                + "N(0) = 100, 1-4-1, fast mode, %d toys per W, seed derive(1, 21))%n%nMeasured %s "
                + "on the shared build machine (2 cores, toys two at a time; /proc/loadavg at the "
                + "end = %s); %.0f s in all.%n%n| W | fitted k | KS p against χ²_%d | compatible |"
                + " max t |%n|---|---|---|---|---|%n",
            nr,
            toys,
            java.time.Instant.now(),
            BenchReport.loadAverage(),
            (System.nanoTime() - start) / 1e9,
            scan.parameters()));
    for (ClipScan.Entry e : scan.entries()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.3g | %s | %.2f |%n",
              e.clip(),
              e.dof(),
              e.ksPValue(),
              e.compatible() ? "yes" : "no",
              Arrays.stream(e.nullT()).max().orElse(Double.NaN)));
    }
    md.append(String.format(Locale.ROOT, "%nChosen W = %s.%n", scan.chosen()));
    try {
      Files.writeString(OUT, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
