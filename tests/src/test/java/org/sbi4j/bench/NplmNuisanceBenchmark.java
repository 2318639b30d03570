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
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.nplm.ChiSquaredFit;
import org.sbi4j.inference.nplm.NplmTest;
import org.sbi4j.inference.nplm.NuisanceTest;
import org.sbi4j.inference.nplm.ToySource;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainingConfig;
import org.sbi4j.training.nplm.NuisanceModel;
import org.sbi4j.training.nplm.ReferenceVariation;

/**
 * Benchmark harness (not a unit test: surefire does not pick up this name) of NPLM with nuisances
 * (docs/math.md §5.11) on the authors' 1D toy: reference e^{−x} (N_R events, shared by all toys),
 * N(0) expected events, a scale nuisance x → x e^{ν_S} and a normalisation e^{ν_N}, both with σ =
 * 0.05 (the authors' configuration); the scale dependence is learned from reference samples at ν_S
 * = ±0.05, ±0.1. K toys with data at ν = 0 and K at ν = +1σ in both nuisances (auxiliary
 * measurements drawn around the true ν), each fitted with t = τ − Δ and with the plain NPLM t. Run
 * with {@code bench/nplm-nuisance.sh} ({@code -Dnplm.toys=30 -Dnplm.referenceSize=200000
 * -Dnplm.expected=2000}); appends to {@code bench/results/nplm-nuisance.md}.
 */
class NplmNuisanceBenchmark {
  private static final Path OUT = Path.of("..", "bench", "results", "nplm-nuisance.md");
  private static final double SIGMA = 0.05;

  /** Exponential data at scale e^{ν_S}, yield N(0) e^{ν_N}, against a shared e^{−x} reference. */
  record Toys(double[] reference, double expected, double nuN, double nuS) implements ToySource {
    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public NplmProblem draw(long seed) {
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
      int n = PoissonSampler.of(rng, expected * Math.exp(nuN)).sample();
      AhrensDieterExponentialSampler e = new AhrensDieterExponentialSampler(rng, Math.exp(nuS));
      double[] data = new double[n];
      for (int i = 0; i < n; i++) {
        data[i] = e.sample();
      }
      return NplmProblem.weighted(1, reference, null, data, null, expected);
    }
  }

  static double[] exponential(int n, double scale, long seed) {
    AhrensDieterExponentialSampler e =
        new AhrensDieterExponentialSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), scale);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = e.sample();
    }
    return x;
  }

  @Test
  void run() {
    int toys = Integer.getInteger("nplm.toys", 30);
    int nr = Integer.getInteger("nplm.referenceSize", 200_000);
    double expected = Double.parseDouble(System.getProperty("nplm.expected", "2000"));
    double[] reference = exponential(nr, 1, 1);
    List<ReferenceVariation.Shift> shifts = new ArrayList<>();
    double[] nus = {-0.1, -0.05, 0.05, 0.1};
    for (int v = 0; v < nus.length; v++) {
      shifts.add(
          new ReferenceVariation.Shift(nus[v], exponential(nr, Math.exp(nus[v]), 10 + v), null));
    }
    long t0 = System.nanoTime();
    ReferenceVariation variation = ReferenceVariation.fit(1, reference, null, List.of(shifts), 2);
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    NuisanceModel model = new NuisanceModel(SIGMA, new double[] {SIGMA}, variation);
    NplmTrainingConfig training =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9).withOptimizer(NplmOptimizer.LBFGS);
    double[] zero = {0, 0};
    double[] one = {SIGMA, SIGMA};
    ToySource nominal = new Toys(reference, expected, 0, 0);
    ToySource shifted = new Toys(reference, expected, SIGMA, SIGMA);
    double[] t0s;
    double[] t1s;
    double[] p0s;
    double[] p1s;
    double[] seconds = new double[4];
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      long s = System.nanoTime();
      t0s = NuisanceTest.nullDistribution(nominal, training, model, zero, toys, 1, runner);
      seconds[0] = (System.nanoTime() - s) / 1e9;
      s = System.nanoTime();
      t1s = NuisanceTest.nullDistribution(shifted, training, model, one, toys, 2, runner);
      seconds[1] = (System.nanoTime() - s) / 1e9;
      s = System.nanoTime();
      p0s = NplmTest.nullDistribution(nominal, training, toys, 1, runner);
      seconds[2] = (System.nanoTime() - s) / 1e9;
      s = System.nanoTime();
      p1s = NplmTest.nullDistribution(shifted, training, toys, 2, runner);
      seconds[3] = (System.nanoTime() - s) / 1e9;
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%n## τ − Δ on the 1D toy (N_R = %d, N(0) = %.0f, σ_N = σ_S = %.2f, 1-4-1, W = 9, "
                + "fast mode), %d toys per row%n%n"
                + "Measured %s, /proc/loadavg at the start %s; JDK %s, toys on 2 threads. "
                + "Learned scale model (degree 2 in x, from 4 variations of %d events): %.1f s. "
                + "Exact log ratio of the scale nuisance: −ν − x(e^{−ν} − 1).%n%n"
                + "| data at | statistic | mean t | χ²_k fit: k (KS p) | two-sample KS p vs ν = 0 "
                + "| median p-value | s per toy (wall, 2 threads) |%n|---|---|---|---|---|---|---|%n",
            nr,
            expected,
            SIGMA,
            toys,
            java.time.Instant.now(),
            BenchReport.loadAverage(),
            System.getProperty("java.version"),
            nr,
            fitSeconds));
    md.append(row("ν = 0", "τ − Δ", t0s, t0s, ks, seconds[0] / toys));
    md.append(row("ν = +1σ", "τ − Δ", t1s, t0s, ks, seconds[1] / toys));
    md.append(row("ν = 0", "plain t", p0s, p0s, ks, seconds[2] / toys));
    md.append(row("ν = +1σ", "plain t", p1s, p0s, ks, seconds[3] / toys));
    md.append(
        String.format(
            Locale.ROOT,
            "%nToy t (τ − Δ at ν = 0, at +1σ; plain at 0, at +1σ):%n%n```%n%s%n%s%n%s%n%s%n```%n",
            Arrays.toString(round(t0s)),
            Arrays.toString(round(t1s)),
            Arrays.toString(round(p0s)),
            Arrays.toString(round(p1s))));
    try {
      Files.writeString(OUT, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String row(
      String at, String stat, double[] t, double[] ref, KolmogorovSmirnovTest ks, double s) {
    String chi2 = "";
    if (t.length >= 5) {
      ChiSquaredFit f = ChiSquaredFit.fit(t);
      chi2 = String.format(Locale.ROOT, "%.2f (%.3g)", f.dof(), f.ksPValue());
    }
    double[] p = new double[t.length];
    for (int k = 0; k < t.length; k++) {
      int above = 0;
      for (double r : ref) {
        above += r >= t[k] ? 1 : 0;
      }
      p[k] = (1.0 + above) / (1.0 + ref.length);
    }
    Arrays.sort(p);
    double mean = Arrays.stream(t).average().orElse(Double.NaN);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.2f | %s | %s | %.3g | %.2f |%n",
        at,
        stat,
        mean,
        chi2,
        t == ref ? "—" : String.format(Locale.ROOT, "%.3g", ks.kolmogorovSmirnovTest(t, ref)),
        p[p.length / 2],
        s);
  }

  private static double[] round(double[] t) {
    double[] out = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      out[i] = Math.round(t[i] * 1000) / 1000.0;
    }
    return out;
  }
}
