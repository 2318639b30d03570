package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.ProfiledWorkspace;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Observation;
import org.sbi4j.inference.histfactory.Workspace.ParameterConfig;
import org.sbi4j.inference.histfactory.Workspace.Sample;
import org.sbi4j.inference.histfactory.Workspaces;
import org.sbi4j.inference.likelihood.BinnedLikelihood;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulators;

/** Limits of combined channels (docs/math.md §6.9): narrower intervals, additivity of q. */
class CombinationLimitsTest {
  static final double L = 10;
  static final double THETA_TRUE = 0.2;
  private final EventSample events = Simulators.INTERFERENCE_1D.create().events(20_000, 3);
  private final MorphedEvents rate = new MorphedEvents(events);

  /**
   * The histogram baseline on x (10 bins) as a workspace: ν_k(θ) = A_k + θ B_k + θ² C_k exactly
   * (interference-1d morphs quadratically), with A = ν(0), B = (ν(1) − ν(−1))/2, C = (ν(1) +
   * ν(−1))/2 − ν(0); θ² is the normfactor "theta" twice on one sample.
   */
  Workspace histogramWorkspace(HistogramModel h) {
    double[] n0 = h.expected(new double[] {0});
    double[] np = h.expected(new double[] {1});
    double[] nm = h.expected(new double[] {-1});
    double[] b = new double[n0.length];
    double[] c = new double[n0.length];
    for (int k = 0; k < n0.length; k++) {
      b[k] = (np[k] - nm[k]) / 2;
      c[k] = (np[k] + nm[k]) / 2 - n0[k];
    }
    Modifier theta = Modifier.plain("theta", ModifierType.NORMFACTOR);
    return new Workspace(
        "1.0.0",
        List.of(
            new Channel(
                "hist",
                List.of(
                    new Sample("a", n0, List.of()),
                    new Sample("b", b, List.of(theta)),
                    new Sample("c", c, List.of(theta, theta))))),
        List.of(new Observation("hist", n0)),
        List.of(
            new Measurement(
                "m",
                "theta",
                List.of(
                    new ParameterConfig(
                        "theta", null, new double[][] {{-1, 1}}, null, null, null, null)))));
  }

  static double width(Interval i) {
    return i.upper() - i.lower();
  }

  @Test
  void anEventChannelPlusTheSameDatasHistogramIsNarrowerThanEither() {
    HistogramModel ten =
        Limits.histogramModel(
            rate, new Summary.Observed(List.of("x")), new BinningSpec(10, null, null), L);
    WorkspaceChannels ws =
        new WorkspaceChannels(
            List.of(Path.of("hist.json")), HistFactoryModel.of(histogramWorkspace(ten)), Map.of());
    ParameterGrid grid = ParameterGrid.parse("-1:1:41");
    double[] thetaTrue = {THETA_TRUE};
    // the workspace on its Asimov data is the histogram baseline's binned likelihood
    ProfiledWorkspace term = ws.term(List.of("theta"), thetaTrue, grid);
    BinnedLikelihood binned = new BinnedLikelihood(ten, ten.expected(thetaTrue));
    for (double t : new double[] {-0.7, 0, 0.2, 0.9}) {
      double expected = binned.evaluate(new double[] {t});
      // ν(θ) rebuilt from three templates: rounding of sums of ~10 events per bin
      assertEquals(expected, term.evaluate(new double[] {t}), 1e-9 * Math.abs(expected));
    }
    LimitSource exact =
        new LimitSource.Ratio(
            "exact",
            new org.sbi4j.inference.likelihood.ExactRatio(
                Simulators.INTERFERENCE_1D.create(), new double[] {0}));
    LimitsResult alone =
        Limits.expected(events, exact, thetaTrue, L, grid, GridEvaluator.LOCAL, null);
    LimitsResult combined =
        Limits.expected(events, exact, thetaTrue, L, grid, GridEvaluator.LOCAL, ws);
    assertEquals("exact + workspace", combined.method());
    ScanResult wsAlone = LikelihoodScan.run(term, List.of("theta"), grid);
    Intervals a = alone.scan().intervals().get("theta");
    Intervals w = wsAlone.intervals().get("theta");
    Intervals c = combined.scan().intervals().get("theta");
    for (int level = 0; level < 2; level++) {
      Interval ia = level == 0 ? a.cl68() : a.cl95();
      Interval iw = level == 0 ? w.cl68() : w.cl95();
      Interval ic = level == 0 ? c.cl68() : c.cl95();
      assertTrue(width(ic) < width(ia), ic + " vs the event channel " + ia);
      assertTrue(width(ic) < width(iw), ic + " vs the workspace " + iw);
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "95%% widths: events %.4f, workspace %.4f, combined %.4f%n",
        width(a.cl95()),
        width(w.cl95()),
        width(c.cl95()));
    // both channels peak near θ_true, so so does their combination
    assertEquals(THETA_TRUE, combined.scan().bestFit()[0], 0.05);
  }

  /** One bin named {@code channel}: signal 8·mu, background 30 with a normsys {@code nuisance}. */
  static Workspace channel(String channel, String nuisance) {
    return new Workspace(
        "1.0.0",
        List.of(
            new Channel(
                channel,
                List.of(
                    new Sample(
                        "signal",
                        new double[] {8},
                        List.of(Modifier.plain("mu", ModifierType.NORMFACTOR))),
                    new Sample(
                        "background",
                        new double[] {30},
                        List.of(Modifier.normsys(nuisance, 1.15, 0.9)))))),
        List.of(new Observation(channel, new double[] {41})),
        List.of(new Measurement("m", "mu", List.of())));
  }

  @Test
  void twoIndependentIdenticalChannelsGiveTwiceTheSingleChannelsQ() {
    HistFactoryModel one = HistFactoryModel.of(channel("sr1", "n1"));
    HistFactoryModel two =
        HistFactoryModel.of(
            Workspaces.merge(
                List.of(channel("sr1", "n1"), channel("sr2", "n2")), List.of("a", "b")));
    Map<String, String> map = Map.of("mu", "theta");
    ProfiledWorkspace single =
        new ProfiledWorkspace(one, one.observedData(), List.of("theta"), map);
    ProfiledWorkspace both = new ProfiledWorkspace(two, two.observedData(), List.of("theta"), map);
    assertEquals(List.of("n1", "n2"), both.profiled());
    ParameterGrid grid = ParameterGrid.parse("0:4:41");
    ScanResult s1 = LikelihoodScan.run(single, List.of("theta"), grid);
    ScanResult s2 = LikelihoodScan.run(both, List.of("theta"), grid);
    double[] q1 = s1.q();
    double[] q2 = s2.q();
    for (int g = 0; g < q1.length; g++) {
      // independent nuisances: the joint profile is the sum of two identical profiles; the fits
      // stop at a projected gradient of 1e-10, far inside 1e-7
      assertEquals(2 * q1[g], q2[g], 1e-7, "θ = " + grid.points()[g][0]);
    }
    assertEquals(s1.bestFit()[0], s2.bestFit()[0], 1e-5);
  }

  @Test
  void mappingsAndMergesThatCannotWorkAreRefusedWithTheirReason() {
    HistFactoryModel m = HistFactoryModel.of(channel("sr", "n"));
    List<String> theta = List.of("theta");
    InvalidValueException none =
        assertThrows(
            InvalidValueException.class, () -> ProfiledWorkspace.mapping(m, theta, Map.of()));
    assertEquals("workspace map", none.value());
    assertTrue(none.getMessage().contains("shares no parameter"), none.getMessage());
    assertTrue(
        assertThrows(
                InvalidValueException.class,
                () -> ProfiledWorkspace.mapping(m, theta, Map.of("nu", "theta")))
            .getMessage()
            .contains("no scalar parameter 'nu'"));
    assertTrue(
        assertThrows(
                InvalidValueException.class,
                () -> ProfiledWorkspace.mapping(m, theta, Map.of("mu", "phi")))
            .getMessage()
            .contains("'phi' is not a parameter of the event file"));
    HistFactoryModel named =
        HistFactoryModel.of(
            CombinedLikelihoodTest.counting(
                5, 20, 22, List.of(Modifier.plain("mu", ModifierType.NORMFACTOR))));
    assertTrue(
        assertThrows(
                InvalidValueException.class,
                () -> ProfiledWorkspace.mapping(named, theta, Map.of("mu", "theta")))
            .getMessage()
            .contains("both stand for θ component 'theta'"));
    ProfiledWorkspace pw = new ProfiledWorkspace(m, m.observedData(), theta, Map.of("mu", "theta"));
    InvalidValueException bounds =
        assertThrows(
            InvalidValueException.class,
            () -> pw.checkInside("grid", new double[] {-1}, new double[] {1}));
    assertEquals("grid", bounds.value());
    assertTrue(bounds.getMessage().contains("leaves the bounds [0.0, 10.0]"), bounds.getMessage());
    IllegalArgumentException clash =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Workspaces.merge(
                    List.of(channel("sr", "n1"), channel("sr", "n2")), List.of("a", "b")));
    assertTrue(clash.getMessage().contains("both have a channel 'sr'"), clash.getMessage());
  }
}
