package org.sbi4j.morphing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;

class NuisanceMorphingTest {
  private static final Nuisances TWO_AND_ONE =
      new Nuisances(
          List.of(
              new NuisanceParameter("scale", "scale_up", "scale_down"),
              new NuisanceParameter("eff", "eff_up", null)),
          List.of("scale_up", "scale_down", "eff_up"),
          "sm");

  @Test
  void coefficientsFollowTheClosedForms() {
    double[] w0 = {2.0, 0.5};
    // columns: scale_up, scale_down, eff_up
    double[] nw = {3.0, 1.5, 2.2, 0.6, 0.45, 0.4};
    NuisanceMorphing m = NuisanceMorphing.of(TWO_AND_ONE, w0, nw, NuisanceMorphing.Policy.ERROR);
    // hand values: a = ½ log(w+/w−), b = ½ log(w+ w− / w0²); one-sided a = log(w+/w0)
    assertEquals(0.5 * Math.log(2.0), m.a(0, 0), 1e-15);
    assertEquals(0.5 * Math.log(4.5 / 4.0), m.b(0, 0), 1e-15);
    assertEquals(Math.log(1.1), m.a(0, 1), 1e-15);
    assertEquals(0.0, m.b(0, 1));
    assertEquals(0.5 * Math.log(0.6 / 0.45), m.a(1, 0), 1e-15);
    assertEquals(0.5 * Math.log(0.6 * 0.45 / 0.25), m.b(1, 0), 1e-15);
    // the factor reproduces the stored weights at ν = ±1 exactly (the defining property)
    assertEquals(3.0 / 2.0, Math.exp(m.logFactor(0, new double[] {1, 0})), 1e-14);
    assertEquals(1.5 / 2.0, Math.exp(m.logFactor(0, new double[] {-1, 0})), 1e-14);
    assertEquals(2.2 / 2.0, Math.exp(m.logFactor(0, new double[] {0, 1})), 1e-14);
    double[] g = new double[2];
    m.gradient(1, new double[] {0.3, -2}, g);
    assertEquals(m.a(1, 0) + 2 * m.b(1, 0) * 0.3, g[0], 1e-15);
    assertEquals(m.a(1, 1), g[1], 1e-15);
  }

  @Test
  void undefinedRatiosAreCountedAndRefusedUnlessClamped() {
    double[] w0 = {0.0, 1.0, 1.0};
    double[] nw = {1.0, 1.0, 1.0, 1e-300, 1e300, 1.0, -1.0, 1.0, 1.0};
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> NuisanceMorphing.of(TWO_AND_ONE, w0, nw, NuisanceMorphing.Policy.ERROR));
    // event 0: w0 = 0 makes both nuisances undefined; event 2: w+ < 0 for 'scale'
    assertTrue(e.getMessage().startsWith("3 nuisance coefficients are undefined"), e.getMessage());
    assertTrue(e.getMessage().contains("clamp the coefficients as MadMiner does"), e.getMessage());
    // the value name a front end maps to its clamping switch (--clamp-nuisance in the CLI)
    assertEquals(NuisanceMorphing.POLICY_VALUE, e.value());
    NuisanceMorphing m = NuisanceMorphing.of(TWO_AND_ONE, w0, nw, NuisanceMorphing.Policy.CLAMP);
    assertEquals(3, m.undefined());
    // MadMiner's sanitising: non-finite → 0 then clip to [−10, 10]
    assertEquals(0.0, m.a(0, 0));
    assertEquals(0.0, m.a(0, 1));
    assertEquals(-10.0, m.a(1, 0), 0.0); // ½ log(1e-300/1e300) ≈ −690.8, clipped
    assertEquals(0.0, m.a(2, 0));
  }

  @Test
  void namesMustNotClashWithThetaAndBenchmarksMustExist() {
    MorphingSetup setup =
        MorphingSetup.of(
            List.of(Parameter.of("theta", 2, -1, 1)),
            List.of(
                new Benchmark("sm", new double[] {0}),
                new Benchmark("plus", new double[] {1}),
                new Benchmark("minus", new double[] {-1})),
            2);
    Nuisances clash =
        new Nuisances(List.of(new NuisanceParameter("theta", "up", null)), List.of("up"), "sm");
    assertThrows(IllegalArgumentException.class, () -> clash.checkAgainst(setup));
    Nuisances badRef =
        new Nuisances(List.of(new NuisanceParameter("nu", "up", null)), List.of("up"), "x");
    assertThrows(IllegalArgumentException.class, () -> badRef.checkAgainst(setup));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Nuisances(
                List.of(new NuisanceParameter("nu", "missing", null)), List.of("up"), "sm"));
    assertEquals(0, TWO_AND_ONE.checkAgainst(setup));
  }
}
