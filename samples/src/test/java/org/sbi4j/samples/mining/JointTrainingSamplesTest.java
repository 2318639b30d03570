package org.sbi4j.samples.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.io.internal.H5Reader;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulation;

/** Ratio and SALLY samples over (θ, ν) on interference-1d with its two nuisances. */
class JointTrainingSamplesTest {
  private static final Interference1D SIM = Interference1D.withNuisances();
  private static final Simulation RUN = SIM.simulate(3000, 5);
  private static final EventSample EVENTS = RUN.events();
  private static final MorphingSetup SETUP = SIM.setup();
  @TempDir Path dir;

  private static JointTrainingSamples samples() {
    return new JointTrainingSamples(SETUP, NuisanceMorphing.Policy.ERROR, 0);
  }

  private static EventDrawer drawer(EventSource source) {
    return new Unweighter(new GoldMiner(SETUP)).drawer(source, 1000);
  }

  /** dσ(z|θ,ν) by hand (docs/math.md §7.2). */
  private static double parton(double z, double theta, double nuNorm, double nuShape) {
    double u = 1 + theta * (z - 1);
    return Math.pow(1.1, nuNorm) * Math.exp(-(1 + 0.1 * nuShape) * z) * u * u;
  }

  /** σ̂(θ,ν) = Σ_e c_e dσ(z_e|θ,ν), with c_e = w_e(sm)/dσ(z_e|θ_sm,0). */
  private static double sigma(double theta, double nuNorm, double nuShape) {
    int sm = SETUP.benchmarkNames().indexOf("sm");
    double thetaSm = SETUP.basis()[sm][0];
    double s = 0;
    for (int e = 0; e < EVENTS.size(); e++) {
      double z = RUN.latent(e)[0];
      s += EVENTS.weight(e, sm) / parton(z, thetaSm, 0, 0) * parton(z, theta, nuNorm, nuShape);
    }
    return s;
  }

  @Test
  void ratioRowsCarryTheJointRatioOfTheirEventAtTheirPoints() {
    EventSource source = EventSource.of(EVENTS);
    double[][] theta0s = {{-0.5}, {0.2}, {0.7}};
    double[][] nu0s = {{0.3, -1.2}, {-0.8, 0.5}, {1.4, 1.9}};
    AugmentResult a =
        samples()
            .ratio(
                source,
                drawer(source),
                theta0s,
                nu0s,
                new double[] {0},
                new double[] {0, 0},
                600,
                9);
    EventSample s = a.sample();
    assertEquals(List.of("theta", "norm", "shape"), s.parameterNames().subList(0, 3));
    assertEquals(List.of("norm", "shape"), a.nuisanceNames());
    Map<Double, Integer> byX = new HashMap<>();
    for (int e = 0; e < EVENTS.size(); e++) {
      byX.put(EVENTS.x(e, 0), e);
    }
    double sigma1 = sigma(0, 0, 0);
    int zeros = 0;
    for (int i = 0; i < s.size(); i++) {
      double z = RUN.latent(byX.get(s.x(i, 0)))[0];
      double th = s.value(Column.THETA0, i, 0);
      double nn = s.value(Column.THETA0, i, 1);
      double ns = s.value(Column.THETA0, i, 2);
      assertArrayEquals(new double[] {0, 0, 0}, rowOf(s, Column.THETA1, i), 0);
      double expected =
          Math.log(parton(z, th, nn, ns) / sigma(th, nn, ns))
              - Math.log(parton(z, 0, 0, 0) / sigma1);
      // sums over 3000 events in another order: rounding only (see NuisanceMinerTest)
      assertEquals(
          expected, s.value(Column.LOG_R_XZ, i, 0), 1e-9 * Math.max(1, Math.abs(expected)));
      // t(x,z|θ1=0,ν1=0)'s ν components: ∂ log dσ minus ∂ log σ̂
      assertEquals(Math.log(1.1) - Math.log(1.1), s.value(Column.T_XZ1, i, 1), 1e-9, "norm score");
      zeros += s.value(Column.Y, i, 0) == 0 ? 1 : 0;
    }
    assertEquals(300, zeros);
  }

  @Test
  void sallyRowsDrawnAtTheReferencePointHaveZeroMeanScore() {
    EventSource source = EventSource.of(EVENTS);
    double[] nuRef = {0.5, -1.5};
    int n = 20000;
    AugmentResult a = samples().sally(source, drawer(source), new double[] {0.3}, nuRef, n, 4);
    EventSample s = a.sample();
    assertEquals(3, s.width(Column.T_XZ0));
    assertArrayEquals(new double[] {0.3, 0.5, -1.5}, rowOf(s, Column.THETA0, 17), 0);
    // x ~ p̂(x|θ_ref,ν_ref) of the weighted sample, where E[t] = 0 exactly; the mean of n draws
    // has standard error sd(t)/√n, so 5 standard errors is a safe bound. Drawing at ν = 0 instead
    // would shift the shape score's mean by ≈ 0.1·(E_ν[z] − E_0[z]) ≈ 0.015, far beyond it.
    for (int k = 0; k < 3; k++) {
      double mean = 0;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        double t = s.value(Column.T_XZ0, i, k);
        mean += t / n;
        sq += t * t / n;
      }
      double se = Math.sqrt((sq - mean * mean) / n);
      assertTrue(Math.abs(mean) < 5 * se + 1e-12, "component " + k + ": " + mean + " ± " + se);
    }
  }

  @Test
  void trainingFilesSplitThetaAndNuAndReadThemBack() {
    EventSource source = EventSource.of(EVENTS);
    AugmentResult a =
        samples()
            .ratio(
                source,
                drawer(source),
                new double[][] {{0.1}, {0.4}},
                new double[][] {{0.2, 0.3}, {-0.4, 1.0}},
                new double[] {0},
                new double[] {0.5, 0},
                40,
                2);
    Path f = dir.resolve("train.h5");
    TrainingFiles.write(f, a.sample(), a.nuisanceNames());
    try (H5Reader in = H5Reader.open(f)) {
      assertEquals(1, in.columns("theta0"));
      assertEquals(2, in.columns("nu0"));
      assertEquals(2, in.columns("nu1"));
      assertEquals(3, in.columns("t_xz0"));
      assertEquals(List.of("norm", "shape"), List.of(in.strings("nuisance_names")));
      assertEquals(List.of("theta"), List.of(in.strings("parameters/names")));
    }
    EventSample back = TrainingFiles.read(f);
    assertEquals(a.sample().parameterNames(), back.parameterNames());
    assertEquals(List.of("norm", "shape"), TrainingFiles.nuisanceNames(f));
    for (Column c : a.sample().columns()) {
      assertArrayEquals(a.sample().column(c), back.column(c), 0, c.datasetName());
    }
  }

  @Test
  void badNuisanceInputsAreRefused() {
    EventSource source = EventSource.of(EVENTS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                samples().sally(source, drawer(source), new double[] {0}, new double[] {0}, 10, 1));
    assertTrue(e.getMessage().contains("one per nuisance parameter"), e.getMessage());
    EventSource plain = EventSource.of(new Interference1D().events(100, 1));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                samples()
                    .sally(plain, drawer(plain), new double[] {0}, new double[] {0, 0}, 10, 1));
    assertTrue(e.getMessage().contains("declare no nuisance parameters"), e.getMessage());
  }

  @Test
  void nuisancePriorMomentsAndSyntax() {
    List<String> names = List.of("norm", "shape");
    int n = 40000;
    double[][] draws = NuisancePrior.parse("constraint").draw(names, n, 3);
    for (int j = 0; j < 2; j++) {
      double mean = 0;
      double sq = 0;
      for (double[] d : draws) {
        mean += d[j] / n;
        sq += d[j] * d[j] / n;
      }
      // N(0,1): the sample mean has sd 1/√n = 0.005, the sample variance sd √(2/n) ≈ 0.007;
      // bounds at 5 standard deviations
      assertEquals(0, mean, 0.025);
      assertEquals(1, sq - mean * mean, 0.035);
    }
    double[][] mixed = NuisancePrior.parse("fixed:0.5, uniform:-2:1").draw(names, 1000, 3);
    for (double[] d : mixed) {
      assertEquals(0.5, d[0], 0);
      assertTrue(d[1] >= -2 && d[1] <= 1);
    }
    assertTrue(NuisancePrior.parse("fixed:1,fixed:0").fixed());
    assertArrayEquals(draws[7], NuisancePrior.parse("constraint").draw(names, n, 3)[7], 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> NuisancePrior.parse("fixed:1").draw(names, 3, 1));
    assertTrue(e.getMessage().contains("one per nuisance parameter"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NuisancePrior.parse("gauss:0:1"));
    assertTrue(e.getMessage().contains("fixed:v"), e.getMessage());
  }

  private static double[] rowOf(EventSample s, Column c, int i) {
    double[] r = new double[s.width(c)];
    for (int k = 0; k < r.length; k++) {
      r[k] = s.value(c, i, k);
    }
    return r;
  }
}
