package org.sbi4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.histfactory.AsymptoticCalculator;
import org.sbi4j.inference.histfactory.Fitter;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.TestStatistic;
import org.sbi4j.inference.histfactory.ToyCalculator;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Observation;
import org.sbi4j.inference.histfactory.Workspace.Sample;
import org.sbi4j.inference.histfactory.WorkspaceJson;
import org.sbi4j.testing.ProcessCpu;

/**
 * Speed of {@code workspace cls} on a generated 100-bin workspace with 50 nuisance modifiers: 24
 * normsys and 24 histosys on the main background, a staterror on it (one γ per bin) and a shapesys
 * on a second background (one γ per bin). Times asymptotic CLs (q̃, μ = 1): the first call in a
 * fresh JVM (cold: class loading, interpreter, JIT) and the median of 5 after 3 warm-up calls
 * (warm); then toys per second of {@link ToyCalculator} on 1 and on 2 local threads (the same toys,
 * so the same CLs). Run: {@code bench/workspace-cls.sh [toys] [out.md]}; prints a Markdown section
 * and appends it to out.md when given.
 */
public final class WorkspaceClsBenchmark {
  private WorkspaceClsBenchmark() {}

  /** The benchmark workspace: {@code bins} bins, a fixed seed. */
  static Workspace workspace(int bins, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] sig = new double[bins];
    double[] bkg = new double[bins];
    double[] fakes = new double[bins];
    double[] obs = new double[bins];
    double[] stat = new double[bins];
    double[] fakesUnc = new double[bins];
    for (int b = 0; b < bins; b++) {
      sig[b] = 2 + 3 * Math.exp(-0.5 * Math.pow((b - bins / 2.0) / 8, 2));
      bkg[b] = 50 * Math.exp(-b / 60.0) + 5;
      fakes[b] = 4 + 2 * Math.sin(b / 10.0);
      double total = bkg[b] + fakes[b];
      obs[b] = Math.round(total + rng.nextDouble(-2, 2) * Math.sqrt(total));
      stat[b] = 0.05 * bkg[b];
      fakesUnc[b] = 0.3 * fakes[b];
    }
    List<Modifier> mods = new ArrayList<>();
    for (int k = 0; k < 48; k++) {
      if (k % 2 == 0) {
        mods.add(
            Modifier.normsys(
                "norm" + k, 1 + rng.nextDouble(0.01, 0.1), 1 - rng.nextDouble(0.01, 0.1)));
      } else {
        double[] hi = new double[bins];
        double[] lo = new double[bins];
        for (int b = 0; b < bins; b++) {
          double slope = rng.nextDouble(-0.05, 0.05) * (b - bins / 2.0) / bins;
          hi[b] = bkg[b] * (1 + slope + 0.01);
          lo[b] = bkg[b] * (1 - slope - 0.008);
        }
        mods.add(Modifier.histosys("shape" + k, hi, lo));
      }
    }
    mods.add(Modifier.perBin("stat", ModifierType.STATERROR, stat));
    return new Workspace(
        "1.0.0",
        List.of(
            new Channel(
                "sr",
                List.of(
                    new Sample(
                        "signal", sig, List.of(Modifier.plain("mu", ModifierType.NORMFACTOR))),
                    new Sample("background", bkg, mods),
                    new Sample(
                        "fakes",
                        fakes,
                        List.of(Modifier.perBin("fakes_unc", ModifierType.SHAPESYS, fakesUnc)))))),
        List.of(new Observation("sr", obs)),
        List.of(new Measurement("bench", "mu", List.of())));
  }

  public static void main(String[] args) throws Exception {
    int toys = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path out = args.length > 1 ? Path.of(args[1]) : null;
    long t0 = System.nanoTime();
    Workspace ws = workspace(100, 7);
    // through the JSON text, as the CLI reads it
    HistFactoryModel model = HistFactoryModel.of(WorkspaceJson.parse(WorkspaceJson.write(ws)));
    double build = (System.nanoTime() - t0) / 1e9;
    Fitter fitter = new Fitter(model);
    long c0 = ProcessCpu.nanos();
    t0 = System.nanoTime();
    AsymptoticCalculator.Result first =
        new AsymptoticCalculator(fitter, model.observedData(), TestStatistic.QTILDE).test(1);
    double cold = (System.nanoTime() - t0) / 1e9;
    double coldCpu = (ProcessCpu.nanos() - c0) / 1e9;
    for (int i = 0; i < 3; i++) {
      new AsymptoticCalculator(fitter, model.observedData(), TestStatistic.QTILDE).test(1);
    }
    double[] warm = new double[5];
    double[] warmCpu = new double[5];
    for (int i = 0; i < 5; i++) {
      c0 = ProcessCpu.nanos();
      t0 = System.nanoTime();
      new AsymptoticCalculator(fitter, model.observedData(), TestStatistic.QTILDE).test(1);
      warm[i] = (System.nanoTime() - t0) / 1e9;
      warmCpu[i] = (ProcessCpu.nanos() - c0) / 1e9;
    }
    Arrays.sort(warm);
    Arrays.sort(warmCpu);
    double[] toysPerSecond = new double[2];
    double[] cpuPerToy = new double[2];
    double[] cls = new double[2];
    for (int threads = 1; threads <= 2; threads++) {
      try (LocalTaskRunner runner = new LocalTaskRunner(threads)) {
        c0 = ProcessCpu.nanos();
        t0 = System.nanoTime();
        ToyCalculator.Result r =
            new ToyCalculator(fitter, model.observedData(), TestStatistic.QTILDE, toys, 11)
                .test(1, runner);
        double s = (System.nanoTime() - t0) / 1e9;
        toysPerSecond[threads - 1] = 2 * toys / s;
        cpuPerToy[threads - 1] = (ProcessCpu.nanos() - c0) / 1e9 / (2 * toys);
        cls[threads - 1] = r.clsObserved();
      }
    }
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%nWorkspace: 100 bins, %d parameters (POI, 24 normsys, 24 histosys, staterror γ × 100,"
                + " shapesys γ × 100); q̃ at μ = 1, observed CLs %.6g.%n%n",
            model.size(),
            first.clsObserved()));
    md.append("| measurement | value |\n|---|---|\n");
    md.append(row("model build (JSON parse + HistFactoryModel.of), cold JVM", build, "s"));
    md.append(row("asymptotic CLs, first call in a cold JVM", cold, "s"));
    md.append(row("asymptotic CLs, first call, CPU time of the process", coldCpu, "s"));
    md.append(row("asymptotic CLs, warm JVM, median of 5", warm[2], "s"));
    md.append(
        row("asymptotic CLs, warm JVM, median of 5, CPU time of the process", warmCpu[2], "s"));
    md.append(
        String.format(
            Locale.ROOT,
            "| asymptotic CLs, warm JVM, min – max of 5 | %.4f – %.4f s |%n",
            warm[0],
            warm[4]));
    for (int t = 0; t < 2; t++) {
      md.append(
          String.format(
              Locale.ROOT,
              "| toys, %d thread%s (%d toys, 2 fits each) | %.2f toys/s, %.3f CPU-s per toy, CLs"
                  + " %.4f |%n",
              t + 1,
              t == 0 ? "" : "s",
              2 * toys,
              toysPerSecond[t],
              cpuPerToy[t],
              cls[t]));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| toys speed-up, 2 threads / 1 | %.2f× |%n",
            toysPerSecond[1] / toysPerSecond[0]));
    System.out.print(md);
    if (out != null) {
      Files.writeString(
          out,
          md.toString(),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private static String row(String what, double value, String unit) {
    return String.format(Locale.ROOT, "| %s | %.4f %s |%n", what, value, unit);
  }
}
