package org.sbi4j.inference.histfactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Observation;
import org.sbi4j.inference.histfactory.Workspace.Sample;

/** Workspaces the histfactory and coverage tests build. */
public final class TestWorkspaces {
  private TestWorkspaces() {}

  /**
   * One channel "sr": a signal scaled by the normfactor "mu" (the POI) and a background with {@code
   * backgroundModifiers}, with {@code observed} counts (shared by the histfactory and coverage
   * tests).
   */
  public static Workspace signalPlusBackground(
      double[] signal, double[] background, List<Modifier> backgroundModifiers, double[] observed) {
    return new Workspace(
        "1.0.0",
        List.of(
            new Channel(
                "sr",
                List.of(
                    new Sample(
                        "signal", signal, List.of(Modifier.plain("mu", ModifierType.NORMFACTOR))),
                    new Sample("background", background, backgroundModifiers)))),
        List.of(new Observation("sr", observed)),
        List.of(new Measurement("m", "mu", List.of())));
  }

  /**
   * {@code nuisances} background modifiers drawn from {@code rng}: even k a normsys "norm"k, odd k
   * a histosys "shape"k tilting {@code background} by a small random slope.
   */
  public static List<Modifier> randomModifiers(
      SplittableRandom rng, double[] background, int nuisances) {
    int bins = background.length;
    List<Modifier> mods = new ArrayList<>();
    for (int k = 0; k < nuisances; k++) {
      if (k % 2 == 0) {
        mods.add(
            Modifier.normsys(
                "norm" + k, 1 + rng.nextDouble(0.01, 0.1), 1 - rng.nextDouble(0.01, 0.1)));
      } else {
        double[] hi = new double[bins];
        double[] lo = new double[bins];
        for (int b = 0; b < bins; b++) {
          double slope = rng.nextDouble(-0.05, 0.05) * (b - bins / 2.0) / bins;
          hi[b] = background[b] * (1 + slope + 0.01);
          lo[b] = background[b] * (1 - slope - 0.008);
        }
        mods.add(Modifier.histosys("shape" + k, hi, lo));
      }
    }
    return mods;
  }
}
