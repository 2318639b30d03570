package org.sbi4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.Seeds;
import org.sbi4j.inference.nplm.ChiSquaredFit;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.nplm.Sampler;
import org.sbi4j.training.nplm.KernelConfig;
import org.sbi4j.training.nplm.KernelTrainer;
import org.sbi4j.training.nplm.NplmFit;
import org.sbi4j.training.nplm.NplmProblem;

/**
 * Benchmark harness (not a unit test: surefire does not pick up this name) of the kernel NPLM
 * (Falkon-style Nyström kernel logistic regression) on the 1D benchmark (e^{−x} reference, N_R =
 * 200 000, N(0) = 2000): seconds per toy (wall and thread CPU, one toy at a time on one thread),
 * Newton and CG steps, and the toys' t with a χ²_k fitted to them. Run with {@code
 * bench/nplm-kernel.sh} ({@code -Dnplm.centers=100,200 -Dnplm.toys=10 -Dnplm.sigma=NaN
 * -Dnplm.lambda=1e-6}); appends to {@code bench/results/nplm-kernel.md}.
 */
class KernelNplmBenchmark {
  private static final Path OUT = Path.of("..", "bench", "results", "nplm-kernel.md");

  @Test
  void run() {
    int toys = Integer.getInteger("nplm.toys", 10);
    int nr = Integer.getInteger("nplm.referenceSize", 200_000);
    double expected = Double.parseDouble(System.getProperty("nplm.expected", "2000"));
    double sigma = Double.parseDouble(System.getProperty("nplm.sigma", "NaN"));
    double lambda = Double.parseDouble(System.getProperty("nplm.lambda", "1e-6"));
    int[] centers =
        Arrays.stream(System.getProperty("nplm.centers", "100,200").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    SampledToys source = SampledToys.nullToys(Sampler.exponential(1), nr, expected);
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%n## Kernel NPLM, 1D benchmark (N_R = %d, N(0) = %.0f), σ = %s, λ = %s%n%n"
                + "Measured %s on the shared 2-core build machine (other helpers were building and "
                + "testing at the same time: /proc/loadavg at the start = %s, so wall times are "
                + "pessimistic; thread CPU time is the better guide). JDK %s. One toy at a time, "
                + "one thread; toy k drawn with seed derive(7, 1, k), trained with derive(7, 2, k); "
                + "the first toy includes JIT warm-up.%n%n"
                + "| M | toy | t | Newton steps | CG steps | s (wall) | CPU-s |%n"
                + "|---|---|---|---|---|---|---|%n",
            nr,
            expected,
            Double.isNaN(sigma) ? "automatic (90th percentile of pairwise distances)" : sigma,
            lambda,
            java.time.Instant.now(),
            BenchReport.loadAverage(),
            System.getProperty("java.version")));
    StringBuilder summary = new StringBuilder();
    for (int m : centers) {
      double[] t = new double[toys];
      double wall = 0;
      double cpu = 0;
      for (int k = 0; k < toys; k++) {
        NplmProblem p = source.draw(Seeds.derive(7, 1, k));
        long w0 = System.nanoTime();
        long c0 = bean.getCurrentThreadCpuTime();
        NplmFit fit =
            KernelTrainer.train(p, KernelConfig.of(m, sigma, lambda), Seeds.derive(7, 2, k));
        double sw = (System.nanoTime() - w0) / 1e9;
        double sc = (bean.getCurrentThreadCpuTime() - c0) / 1e9;
        if (k > 0) {
          wall += sw;
          cpu += sc;
        }
        t[k] = fit.t();
        md.append(
            String.format(
                Locale.ROOT,
                "| %d | %d | %.3f | %d | %d | %.2f | %.2f |%n",
                m,
                k,
                fit.t(),
                fit.iterations(),
                fit.evaluations(),
                sw,
                sc));
      }
      String chi2 = "";
      if (toys >= 5) {
        ChiSquaredFit f = ChiSquaredFit.fit(t);
        chi2 =
            String.format(
                Locale.ROOT,
                "; χ²_k fitted to the toys: k = %.2f (KS p = %.3g)",
                f.dof(),
                f.ksPValue());
      }
      summary.append(
          String.format(
              Locale.ROOT,
              "- M = %d: **%.2f s per toy wall, %.2f CPU-s per toy** (mean of toys 1–%d)%s%n",
              m,
              wall / Math.max(1, toys - 1),
              cpu / Math.max(1, toys - 1),
              toys - 1,
              chi2));
    }
    md.append("\n")
        .append(summary)
        .append(
            String.format(
                Locale.ROOT, "%n/proc/loadavg at the end: %s%n", BenchReport.loadAverage()));
    try {
      Files.writeString(OUT, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
