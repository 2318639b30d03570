package org.sbi4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.protomodels.BuildConfig;
import org.sbi4j.inference.protomodels.Builder;
import org.sbi4j.inference.protomodels.Combiner;
import org.sbi4j.inference.protomodels.Database;
import org.sbi4j.inference.protomodels.DatabaseJson;
import org.sbi4j.inference.protomodels.DatabaseSource;
import org.sbi4j.inference.protomodels.EftToyDatabase;
import org.sbi4j.inference.protomodels.GlobalPValue;
import org.sbi4j.inference.protomodels.ProtoModel;
import org.sbi4j.inference.protomodels.ToyDatabase;

/**
 * Benchmark harness (not a unit test: surefire does not pick up this name). Run with {@code
 * bench/protomodels.sh}; appends a section to {@code bench/results/protomodels.md}: K evaluations
 * per second on the toy database, walker steps per second, and the wall time of a small global
 * p-value.
 */
class ProtomodelsBenchmark {
  private static final Path OUT = Path.of("..", "bench", "results", "protomodels.md");
  private static final Combiner.Settings SETTINGS = new Combiner.Settings(0.5, 1.3);

  @Test
  void run() throws IOException {
    Database db = ToyDatabase.generate(1, true);
    Combiner combiner = new Combiner(db, SETTINGS);
    ProtoModel planted = ToyDatabase.plantedModel(db);
    ProtoModel three =
        planted
            .with(db.particleIndex("X"), 800, 3, new double[] {0.7, 0.3})
            .with(db.particleIndex("Y"), 500, 1, new double[] {1})
            .with(db.particleIndex("Z"), 900, 1, new double[] {0.5, 0.5});
    StringBuilder md = new StringBuilder();
    md.append("\n## ").append(date()).append("\n\n");
    md.append("Load average at the start: ").append(load()).append("; JDK ");
    md.append(System.getProperty("java.version")).append(".\n\n");
    md.append("| measurement | result |\n|---|---|\n");
    md.append(
        row(
            "K of the planted model (X → jj: A01 + A02 with signal)",
            perSecond(combiner, planted) + " evaluations/s"));
    md.append(
        row(
            "K of a 3-particle model (8 analyses with signal)",
            perSecond(combiner, three) + " evaluations/s"));
    Path dir = Files.createTempDirectory("sbi4j-proto-bench");
    DatabaseJson.write(db, dir);
    DatabaseSource source = DatabaseSource.of(dir);
    int walkers = 4;
    int steps = 500;
    try (LocalTaskRunner tasks = new LocalTaskRunner(2)) {
      long t0 = System.nanoTime();
      Builder.run(source, new BuildConfig(walkers, steps, 1, SETTINGS, 1000), null, tasks, false);
      double s = (System.nanoTime() - t0) / 1e9;
      md.append(
          row(
              "build, " + walkers + " walkers × " + steps + " steps, 2 threads",
              String.format(Locale.ROOT, "%.2f s (%.0f steps/s)", s, walkers * steps / s)));
      t0 = System.nanoTime();
      GlobalPValue.run(source, new BuildConfig(2, 200, 1, SETTINGS, 1000), 10, null, tasks, false);
      s = (System.nanoTime() - t0) / 1e9;
      md.append(
          row(
              "pvalue, 10 fakes, 2 walkers × 200 steps each, 2 threads",
              String.format(Locale.ROOT, "%.2f s", s)));
    }
    Database eft = EftToyDatabase.generate(1, true);
    Combiner eftCombiner = new Combiner(eft, SETTINGS);
    ProtoModel cG = EftToyDatabase.plantedModel(eft);
    md.append(
        row(
            "EFT toy: K of cG = 1 (4 analyses' morphing templates)",
            perSecond(eftCombiner, cG) + " evaluations/s"));
    md.append(
        row(
            "EFT toy: K of cG, cW, cB active (5 analyses)",
            perSecond(eftCombiner, cG.withCoefficient(1, 0.3).withCoefficient(2, -0.4))
                + " evaluations/s"));
    Path eftDir = Files.createTempDirectory("sbi4j-proto-bench-eft");
    DatabaseJson.write(eft, eftDir);
    try (LocalTaskRunner tasks = new LocalTaskRunner(2)) {
      long t0 = System.nanoTime();
      Builder.run(
          DatabaseSource.of(eftDir),
          new BuildConfig(walkers, steps, 1, SETTINGS, 1000),
          null,
          tasks,
          false);
      double s = (System.nanoTime() - t0) / 1e9;
      md.append(
          row(
              "EFT toy: build, " + walkers + " walkers × " + steps + " steps, 2 threads",
              String.format(Locale.ROOT, "%.2f s (%.0f steps/s)", s, walkers * steps / s)));
    }
    md.append("\nLoad average at the end: ").append(load()).append(".\n");
    Files.createDirectories(OUT.getParent());
    if (!Files.exists(OUT)) {
      Files.writeString(
          OUT,
          "# Proto-model builder benchmark (issue 20)\n\nHarness:"
              + " `tests/src/test/java/org/sbi4j/bench/ProtomodelsBenchmark.java`, run with"
              + " `bench/protomodels.sh`; each run appends a section below. Toy database of"
              + " `sbi4j protomodels toy-database --seed 1` (16 maximal combinations). Machine: the"
              + " shared 2-core build machine, other helpers compiling\nand testing at the same"
              + " time (see the load averages), so absolute rates are pessimistic.\n");
    }
    Files.writeString(OUT, md.toString(), StandardOpenOption.APPEND);
  }

  /** Evaluations per second over ~2 s after a warm-up. */
  private static String perSecond(Combiner combiner, ProtoModel model) {
    double sink = 0;
    for (int i = 0; i < 2000; i++) {
      sink += combiner.evaluate(model.scaled(1 + 1e-6 * i)).k();
    }
    int n = 0;
    long t0 = System.nanoTime();
    long end = t0 + 2_000_000_000L;
    while (System.nanoTime() < end) {
      sink += combiner.evaluate(model.scaled(1 + 1e-6 * n)).k();
      n++;
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("K is NaN");
    }
    return String.format(Locale.ROOT, "%.0f", n / s);
  }

  private static String row(String what, String result) {
    return "| " + what + " | " + result + " |\n";
  }

  private static String date() {
    return java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
        .format(
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ROOT));
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
