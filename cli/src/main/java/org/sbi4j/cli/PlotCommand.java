package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Progress;
import org.sbi4j.inference.plot.Figure;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.Distributions;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.WeightedView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j plot}: plots of event files (docs/cli.md). */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = "Plots of event files.",
    subcommands = {PlotCommand.DistributionsCommand.class})
final class PlotCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * {@code sbi4j plot distributions}: one observable's distribution at several θ, reweighted from
   * an event file, with Monte-Carlo error bars (docs/math.md §12.4).
   */
  @Command(
      name = "distributions",
      mixinStandardHelpOptions = true,
      description =
          "Histograms of one observable at several θ (reweighted events), normalised, with"
              + " Monte-Carlo error bars: PREFIX.png and PREFIX.svg.")
  static final class DistributionsCommand
      implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
    @Mixin CommonOptions common;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Event file.")
    Path events;

    @Option(
        names = "--theta",
        required = true,
        paramLabel = "T",
        description = "A parameter point, comma-separated (repeat for several).")
    List<String> theta;

    @Option(
        names = "--observable",
        required = true,
        paramLabel = "NAME",
        description = "The observable to histogram.")
    String observable;

    @Option(
        names = "--bins",
        defaultValue = "20",
        paramLabel = "N",
        description = "Bins (default ${DEFAULT-VALUE}).")
    int bins;

    @Option(
        names = "--range",
        paramLabel = "LO:HI",
        description = "Histogram range (default: the observable's smallest to largest value).")
    String range;

    @Option(
        names = "--partition",
        defaultValue = "all",
        paramLabel = "P",
        description = "train, validation, test or all (default ${DEFAULT-VALUE}).")
    String partition;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "PREFIX",
        description = "Writes PREFIX.png and PREFIX.svg.")
    Path out;

    @Mixin Bars bars;

    /**
     * The result.
     *
     * @param observable the observable
     * @param histograms one per θ: bin edges, σ per bin and its Monte-Carlo error (pb), σ(θ)
     * @param files the plot files written
     */
    record Result(
        String observable, List<Distributions.Histogram> histograms, List<String> files) {}

    @Override
    public OptionMap optionMap() {
      return OptionMap.of(
          "theta", "--theta", "observable", "--observable", "bins", "--bins", "range", "--range");
    }

    @Override
    public void declare(Outputs o) {
      common.declare(o).input("--events", events).prefix("--out", out, ".png", ".svg");
    }

    @Override
    public Integer call() {
      if (bins < 1) {
        throw new InvalidValueException("bins", "the number of bins " + bins + " must be ≥ 1");
      }
      double[][] thetas = ThetaValues.parse("--theta", theta);
      List<Distributions.Histogram> hs;
      try (EventFile in = MadMinerFiles.open(events)) {
        int j = in.observables().indexOf(observable);
        if (j < 0) {
          throw new InvalidValueException(
              "observable",
              "the event file has no observable '"
                  + observable
                  + "'; choose one of "
                  + in.observables());
        }
        WeightedView view = WeightedView.of(in, Partition.parse(partition));
        double[] lohi = range == null ? Distributions.range(view, j) : parseRange(range);
        if (!(lohi[1] > lohi[0])) {
          throw new InvalidValueException(
              "range",
              String.format(
                  Locale.ROOT,
                  "the range [%s, %s] is empty; give LO:HI with LO < HI",
                  lohi[0],
                  lohi[1]));
        }
        double[] edges = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
          edges[k] = lohi[0] + (lohi[1] - lohi[0]) * k / bins;
        }
        try (Progress p = bars.start("plot", view.size(), "events")) {
          hs = Distributions.histograms(view, j, edges, thetas, p);
        }
      }
      Figure f = new Figure("Distributions of " + observable, observable, "1/σ dσ/d" + observable);
      for (Distributions.Histogram h : hs) {
        int n = h.sigma().length;
        double[] density = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int k = 0; k < n; k++) {
          double width = h.edges()[k + 1] - h.edges()[k];
          density[k] = h.sigma()[k] / (h.total() * width);
          double err = h.error()[k] / (h.total() * width);
          lo[k] = density[k] - err;
          hi[k] = density[k] + err;
        }
        // the MC uncertainty of each bin as a shaded ±1 s.e. band around the step histogram
        f.histogram("θ = " + Arrays.toString(h.theta()), h.edges(), density)
            .histogramBand(h.edges(), lo, hi);
      }
      f.save(out);
      Result r = new Result(observable, hs, List.of(out + ".png", out + ".svg"));
      common.report(
          r,
          () ->
              System.out.printf(
                  "%s at %d parameter points plotted to %s.png and %s.svg%n",
                  observable, hs.size(), out, out));
      return 0;
    }

    private static double[] parseRange(String text) {
      String[] f = text.split(":");
      try {
        if (f.length == 2) {
          return new double[] {Double.parseDouble(f[0].trim()), Double.parseDouble(f[1].trim())};
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new InvalidValueException("range", "'" + text + "' is not LO:HI, e.g. -1:4");
    }
  }
}
