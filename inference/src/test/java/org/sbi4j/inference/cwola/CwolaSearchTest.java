package org.sbi4j.inference.cwola;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.sbi4j.training.TrainingConfig;

class CwolaSearchTest {
  static CwolaResult search(int background, int signal, long seed, CwolaConfig config) {
    double[] e = CwolaToy.events(background, signal, seed);
    int n = background + signal;
    double[] m = new double[n];
    double[] x = new double[2 * n];
    for (int i = 0; i < n; i++) {
      m[i] = e[3 * i];
      x[2 * i] = e[3 * i + 1];
      x[2 * i + 1] = e[3 * i + 2];
    }
    return CwolaSearch.run(m, x, List.of("a", "b"), config, seed, null);
  }

  @Test
  void theSelectionRaisesTheSignificanceOfARealSignal() {
    CwolaResult r = search(10_000, 90, 3, CwolaToy.config());
    assertEquals(10_090, r.events());
    assertTrue(r.selectedEvents() >= 1009 && r.selectedEvents() <= 1014, "" + r.selectedEvents());
    assertTrue(
        r.selected().z() > r.inclusive().z() + 1.5 && r.selected().z() > 4,
        "selected Z = " + r.selected().z() + ", inclusive Z = " + r.inclusive().z());
  }

  @Test
  void withoutSignalTheLocalPValuesAreUniformOverSeeds() {
    // small and fast: 12 seeds, 2 folds, 3000 events, a 1 × 8 classifier for 5 epochs; the
    // selection must not sculpt a bump (k-folding: no event is scored by a network that saw it).
    TrainingConfig tiny = TrainingConfig.builder().hiddenLayers(List.of(8)).epochs(5).build();
    CwolaConfig c = CwolaToy.config();
    CwolaConfig config = new CwolaConfig(c.srLow(), c.srHigh(), c.low(), c.high(), 2, 0.2, 4, tiny);
    double[] p = new double[12];
    for (int s = 0; s < p.length; s++) {
      p[s] = search(3000, 0, 50 + s, config).selected().pValue();
    }
    double ks =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new UniformRealDistribution(null, 0, 1), p);
    assertTrue(ks > 0.01, "KS p = " + ks + " of " + java.util.Arrays.toString(p));
  }
}
