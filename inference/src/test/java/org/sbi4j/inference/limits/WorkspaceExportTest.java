package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.inference.histfactory.Fitter;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Sample;
import org.sbi4j.inference.histfactory.WorkspaceJson;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulators;

/** {@code workspace export}: yields and staterror against a direct loop over the events. */
class WorkspaceExportTest {
  static final double L = 50;
  static final double[] THETA = {0.3};
  @TempDir Path dir;

  /** Interference-1d events, every fifth marked as background (sampled_from = −1). */
  static EventSample withBackground() {
    EventSample e = Simulators.INTERFERENCE_1D.create().events(3_000, 21);
    int[] from = new int[e.size()];
    for (int i = 0; i < from.length; i++) {
      from[i] = i % 5 == 0 ? -1 : 0;
    }
    return e.withWeights(e.setup().get(), e.weights(), from);
  }

  /** The bin of x: the number of inner edges at or below it (outer bins open). */
  static int bin(double[] edges, double x) {
    int k = 0;
    for (int i = 1; i < edges.length - 1; i++) {
      if (x >= edges[i]) {
        k = i;
      }
    }
    return k;
  }

  @Test
  void yieldsAndStaterrorsAreTheBaselinesAndReadBack() throws Exception {
    EventSample events = withBackground();
    WorkspaceExport.Export x =
        WorkspaceExport.build(
            events, THETA, L, List.of("x"), new BinningSpec(6, null, null), null, "sr");
    double[] edges = x.binning().edges().get(0);
    int nb = edges.length - 1;
    assertEquals(6, nb);
    // the reference: dσ_e(θ) = Σ_b W_b(θ) w_e(θ_b) event by event, binned by hand
    double[] w = events.setup().get().morpher().weights(THETA);
    double[][] sum = new double[2][nb];
    double[][] squares = new double[2][nb];
    for (int e = 0; e < events.size(); e++) {
      double d = 0;
      for (int b = 0; b < w.length; b++) {
        d += w[b] * events.weight(e, b);
      }
      int s = e % 5 == 0 ? 1 : 0;
      int k = bin(edges, events.x(e, 0));
      sum[s][k] += L * d;
      squares[s][k] += L * d * L * d;
    }
    HistogramModel baseline =
        Limits.histogramModel(
            new MorphedEvents(events),
            new Summary.Observed(List.of("x")),
            new BinningSpec(6, null, null),
            L);
    double[] nu = baseline.expected(THETA);
    Workspace ws = x.workspace();
    Sample signal = ws.channels().get(0).samples().get(0);
    Sample background = ws.channels().get(0).samples().get(1);
    assertEquals(WorkspaceExport.SIGNAL, signal.name());
    assertEquals(WorkspaceExport.BACKGROUND, background.name());
    for (int k = 0; k < nb; k++) {
      // sums of ~500 terms of O(0.02) in another order: rounding ≪ 1e-10 relative
      double tol = 1e-10 * nu[k];
      assertEquals(sum[0][k], signal.data()[k], tol, "signal bin " + k);
      assertEquals(sum[1][k], background.data()[k], tol, "background bin " + k);
      assertEquals(nu[k], signal.data()[k] + background.data()[k], tol, "baseline bin " + k);
      assertEquals(nu[k], ws.observations().get(0).data()[k], tol, "Asimov bin " + k);
      // pyhf's staterror data are absolute uncertainties per sample and bin
      assertEquals(Math.sqrt(squares[0][k]), staterror(signal)[k], tol, "δ signal " + k);
      assertEquals(Math.sqrt(squares[1][k]), staterror(background)[k], tol, "δ background " + k);
    }
    assertEquals(
        Modifier.plain(WorkspaceExport.POI, ModifierType.NORMFACTOR).name(),
        signal.modifiers().get(0).name());
    assertEquals(WorkspaceExport.POI, ws.measurements().get(0).poi());
    // written and read back: the same workspace
    Path file = dir.resolve("ws.json");
    WorkspaceJson.write(ws, file);
    Workspace back = WorkspaceJson.read(file);
    assertEquals(WorkspaceJson.write(ws), WorkspaceJson.write(back));
    assertArrayEquals(signal.data(), back.channels().get(0).samples().get(0).data(), 0.0);
    assertArrayEquals(
        staterror(background), staterror(back.channels().get(0).samples().get(1)), 0.0);
    // on its own Asimov data the fit returns mu = 1 with every γ at 1
    HistFactoryModel model = HistFactoryModel.of(back);
    Fitter.Fit fit = new Fitter(model).fit(model.observedData());
    double[] best = fit.parameters();
    for (int i = 0; i < best.length; i++) {
      assertEquals(1, best[i], 1e-5, model.parameterNames().get(i));
    }
  }

  private static double[] staterror(Sample s) {
    return s.modifiers().stream()
        .filter(m -> m.type() == ModifierType.STATERROR)
        .findFirst()
        .orElseThrow()
        .data();
  }

  @Test
  void withoutBackgroundEventsThereIsOneSampleAndDataCountsBecomeTheObservations() {
    EventSample events = Simulators.INTERFERENCE_1D.create().events(2_000, 5);
    EventSample data = EventSample.ofFeatures(List.of("x"), new double[] {-3, 0.1, 0.4, 9, 9.5});
    WorkspaceExport.Export x =
        WorkspaceExport.build(
            events, THETA, L, null, new BinningSpec(4, null, null), data, "events");
    assertEquals(1, x.workspace().channels().get(0).samples().size());
    double[] edges = x.binning().edges().get(0);
    double[] counts = new double[4];
    for (double v : new double[] {-3, 0.1, 0.4, 9, 9.5}) {
      counts[bin(edges, v)]++;
    }
    assertArrayEquals(counts, x.workspace().observations().get(0).data(), 0.0);
    assertEquals(List.of("x"), x.observables());
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                WorkspaceExport.build(
                    events, new double[] {0.1, 0.2}, L, null, null, null, "events"));
    assertTrue(bad.getMessage().contains("theta has 2 values"), bad.getMessage());
  }
}
