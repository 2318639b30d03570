package org.sbi4j.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.inference.fisher.FisherInformation;
import org.sbi4j.inference.fisher.FisherMatrix;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.Interval;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.plot.LimitsPlot;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulators;

/** Two-parameter expected limits with a 2D histogram on interference-2d, against Fisher. */
class Interference2DLimitsTest {
  @TempDir Path dir;

  @Test
  void profiledIntervalsMatchTheHistogramFisherInformation() {
    EventSample file = Simulators.INTERFERENCE_2D.create().events(100_000, 99);
    double lumi = 200;
    LimitSource hist = LimitSource.histogram(List.of("x_E", "x_cos"));
    LimitsResult r =
        Limits.expected(
            file, hist, new double[] {0, 0}, lumi, ParameterGrid.parse("-0.6:0.6:49,-0.6:0.6:49"));
    MorphedEvents ev = new MorphedEvents(file);
    LimitSource.Histogram h = (LimitSource.Histogram) hist;
    FisherMatrix info =
        FisherInformation.histogram(
            Limits.histogramModel(ev, h.summary(), h.binning(), lumi), new double[] {0, 0});
    double[][] cov = info.covariance();
    for (int a = 0; a < 2; a++) {
      String name = List.of("theta_a", "theta_b").get(a);
      Interval cl68 = r.scan().intervals().get(name).cl68();
      double sd = Math.sqrt(cov[a][a]);
      // The Asimov data come from the 20 000 test events, the Fisher matrix from all 100 000:
      // with q ≈ quadratic at this luminosity the profiled half-width equals √(I⁻¹)_aa up to
      // the cubic terms and Monte Carlo noise, a few percent; allow 10 %.
      assertEquals(sd, 0.5 * cl68.width(), 0.1 * sd, name);
      assertEquals(0, r.scan().bestFit()[a], 0.3 * sd, name);
    }
    LimitsPlot.write(
        List.of(r),
        FisherInformation.truth(ev, new double[] {0, 0}, lumi),
        new double[] {0, 0},
        dir.resolve("limits2d"));
    assertTrue(Files.exists(dir.resolve("limits2d.png")));
  }
}
