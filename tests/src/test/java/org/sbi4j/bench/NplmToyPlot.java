package org.sbi4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.sbi4j.common.Seeds;
import org.sbi4j.inference.nplm.ChiSquaredFit;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.plot.Figure;
import org.sbi4j.training.nplm.NplmNetwork;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainer;
import org.sbi4j.training.nplm.Standardization;

/**
 * The {@code plot} mode of {@link NplmToyDiagnosis}: for each toy, the f(x) of every fit logged for
 * it (fast mode, Adam) over x ∈ [0, max data x + 1], the data events beyond 6 marked at f(x), and a
 * markdown table of f on a grid with the reference and data counts above each x.
 */
final class NplmToyPlot {
  private NplmToyPlot() {}

  static void plot(SampledToys source, List<Long> toys) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(System.getProperty("nplm.params")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String prefix = System.getProperty("nplm.plot", "nplm-toy");
    for (long k : toys) {
      NplmProblem problem = source.draw(Seeds.derive(NplmToyDiagnosis.SEED, 1, k));
      Standardization input = Standardization.of(problem);
      Map<String, NplmNetwork> fits = new LinkedHashMap<>();
      for (String line : lines) {
        String[] f = line.trim().split("\\s+");
        int at = line.indexOf("params [");
        if (f.length > 3 && f[1].equals(Long.toString(k)) && f[2].equals("t") && at >= 0) {
          double[] p =
              Arrays.stream(line.substring(at + 8, line.lastIndexOf(']')).split(","))
                  .mapToDouble(Double::parseDouble)
                  .toArray();
          fits.put(f[0], new NplmNetwork(NplmToyDiagnosis.SHAPE, p, input));
        }
      }
      double[] data = problem.data().clone();
      double[] ref = problem.reference().clone();
      Arrays.sort(data);
      Arrays.sort(ref);
      double hi = Math.ceil(data[data.length - 1] + 1);
      double[] x = new double[801];
      for (int i = 0; i < x.length; i++) {
        x[i] = hi * i / (x.length - 1);
      }
      Figure fig =
          new Figure("NPLM null toy " + k + ": learned f(x)", "x", "f(x) = ln n(x|w)/n(x|R)");
      StringBuilder md = new StringBuilder();
      double top = 1;
      md.append(
          String.format(Locale.ROOT, "%nToy %d (N_D = %d, N_R = %d", k, data.length, ref.length));
      for (Map.Entry<String, NplmNetwork> e : fits.entrySet()) {
        double t = -2 * NplmTrainer.loss(problem, e.getValue());
        md.append(String.format(Locale.ROOT, ", t_%s = %.3f", e.getKey(), t));
        double[] y = e.getValue().evaluate(x);
        top = Math.max(top, Arrays.stream(y).max().orElse(0));
        fig =
            e.getKey().equals("fast") ? fig.line("fast mode", x, y) : fig.dashed(e.getKey(), x, y);
      }
      md.append("):\n\n| x | reference events ≥ x | data events ≥ x |");
      fits.keySet().forEach(n -> md.append(" f ").append(n).append(" |"));
      md.append("\n|---|---|---|").append("---|".repeat(fits.size())).append('\n');
      for (double g = 0; g <= hi; g += 1) {
        appendRow(md, g, ref, data, fits);
      }
      double[] tail = Arrays.stream(data).filter(v -> v > 6).toArray();
      md.append("\nData events above x = 6:\n\n| x | reference events ≥ x | data events ≥ x |");
      fits.keySet().forEach(n -> md.append(" f ").append(n).append(" |"));
      md.append("\n|---|---|---|").append("---|".repeat(fits.size())).append('\n');
      for (double v : tail) {
        appendRow(md, v, ref, data, fits);
      }
      NplmNetwork first = fits.values().iterator().next();
      fig =
          fig.points("data events x > 6", tail, first.evaluate(tail))
              .verticalLine(
                  String.format(Locale.ROOT, "largest reference event %.2f", ref[ref.length - 1]),
                  ref[ref.length - 1]);
      // headroom above the highest f for the legend
      fig.yRange(-1, 1.4 * top).save(Path.of(prefix + "-toy" + k));
      System.out.println(md);
    }
  }

  private static void appendRow(
      StringBuilder md, double x, double[] ref, double[] data, Map<String, NplmNetwork> fits) {
    md.append(String.format(Locale.ROOT, "| %.3f | %d | %d |", x, above(ref, x), above(data, x)));
    for (NplmNetwork n : fits.values()) {
      md.append(String.format(Locale.ROOT, " %.2f |", n.evaluate(new double[] {x})[0]));
    }
    md.append('\n');
  }

  /** Events ≥ x in a sorted array. */
  private static int above(double[] sorted, double x) {
    int i = Arrays.binarySearch(sorted, x);
    int first = i >= 0 ? i : -i - 1;
    while (first > 0 && sorted[first - 1] >= x) {
      first--;
    }
    return sorted.length - first;
  }

  /**
   * The null t of each optimiser ({@code values}: name → toys' t) as density histograms on common
   * bins, beside the χ² density of {@code dof} degrees of freedom (the authors' target) and the
   * χ²_k fitted to each, written as {@code prefix}.{png,svg}.
   */
  static void nullHistograms(Map<String, double[]> values, int dof, Path prefix) {
    double max = 0;
    for (double[] v : values.values()) {
      max = Math.max(max, Arrays.stream(v).max().orElse(0));
    }
    max = Math.ceil(max * 1.05);
    int toys = values.values().stream().mapToInt(v -> v.length).max().orElse(0);
    // About three toys per bin on average, between 10 and 30 bins.
    int bins = Math.max(10, Math.min(30, toys / 3));
    double width = max / bins;
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = b * width;
    }
    Figure fig = new Figure("NPLM null, 1D benchmark (1-4-1, W = 9)", "t", "density");
    double[] x = new double[400];
    for (int i = 0; i < x.length; i++) {
      x[i] = max * (i + 0.5) / x.length;
    }
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      double[] v = e.getValue();
      double[] density = new double[bins];
      for (double t : v) {
        density[(int) Math.min(bins - 1, Math.max(0, t / width))] += 1.0 / (v.length * width);
      }
      double k = ChiSquaredFit.fit(v).dof();
      fig =
          fig.histogram(e.getKey() + " (" + v.length + " toys)", edges, density)
              .dashed(
                  String.format(Locale.ROOT, "χ² fitted to %s (k = %.2f)", e.getKey(), k),
                  x,
                  chi2(k, x));
    }
    fig.line("χ²_" + dof + " (authors' target)", x, chi2(dof, x)).save(prefix);
  }

  private static double[] chi2(double k, double[] x) {
    ChiSquaredDistribution d = ChiSquaredDistribution.of(k);
    return Arrays.stream(x).map(d::density).toArray();
  }
}
