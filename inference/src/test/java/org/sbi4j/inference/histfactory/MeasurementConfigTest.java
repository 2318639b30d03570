package org.sbi4j.inference.histfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;

/**
 * Every field of a measurement's parameter configs (bounds, inits, auxdata, sigmas, fixed) is
 * honoured, each checked against a fit computed by hand on one bin with n = 130 observed, a signal
 * s = 20 scaled by the POI μ and a background b = 100. The fits converge to 1e−10 in the gradient
 * (Fitter's L-BFGS tolerance), so the parameters agree with the closed forms to ~1e−7.
 */
class MeasurementConfigTest {
  static final double N = 130;
  static final double S = 20;
  static final double B = 100;
  static final double TOL = 1e-6;

  /**
   * One bin: signal (normfactor mu), background with {@code bkgModifier}; measurement "m" with
   * {@code parameters} and a second measurement "plain" without any.
   */
  static HistFactoryModel model(String bkgModifier, String parameters, String measurement) {
    String json =
        """
        {"channels": [{"name": "sr", "samples": [
          {"name": "signal", "data": [%s], "modifiers": [{"name": "mu", "type": "normfactor",
           "data": null}]},
          {"name": "background", "data": [%s], "modifiers": [%s]}]}],
         "observations": [{"name": "sr", "data": [%s]}],
         "measurements": [
           {"name": "m", "config": {"poi": "mu", "parameters": [%s]}},
           {"name": "plain", "config": {"poi": "mu", "parameters": []}}],
         "version": "1.0.0"}
        """
            .formatted(S, B, bkgModifier, N, parameters);
    return HistFactoryModel.of(
        WorkspaceJson.parse(json), measurement, Interpolation.CODE4, Interpolation.CODE0);
  }

  static double[] fit(HistFactoryModel m) {
    return new Fitter(m).fit(m.observedData()).parameters();
  }

  /** ±Δ = 10 on the background: with code0 the yield is b + αΔ for either sign of α. */
  static final String HISTOSYS =
      "{\"name\": \"shape\", \"type\": \"histosys\", \"data\": {\"hi_data\": [110.0],"
          + " \"lo_data\": [90.0]}}";

  @Test
  void boundsOfThePoiStopTheFitAtTheBound() {
    // unbounded μ̂ = (n − b)/s = 1.5; the bounds [0, 0.8] stop it at 0.8
    assertEquals(1.5, fit(model("", "", "plain"))[0], TOL);
    HistFactoryModel m = model("", "{\"name\": \"mu\", \"bounds\": [[0, 0.8]]}", "m");
    assertEquals(0.8, m.upper()[0], 0);
    assertEquals(0.8, fit(m)[0], TOL);
  }

  @Test
  void fixedKeepsTheParameterAtItsInitAndInitsSetThatValue() {
    // a normfactor k on the background, fixed at its init 1.1: μ̂ = (n − 1.1 b)/s = 1
    String k = "{\"name\": \"k\", \"type\": \"normfactor\", \"data\": null}";
    HistFactoryModel m = model(k, "{\"name\": \"k\", \"fixed\": true, \"inits\": [1.1]}", "m");
    assertTrue(m.fixed()[1]);
    double[] p = fit(m);
    assertEquals(1.1, p[1], 0);
    assertEquals((N - 1.1 * B) / S, p[0], TOL);
    // fixed without inits keeps the default init 1: μ̂ = (n − b)/s
    double[] q = fit(model(k, "{\"name\": \"k\", \"fixed\": true}", "m"));
    assertEquals(1, q[1], 0);
    assertEquals((N - B) / S, q[0], TOL);
  }

  @Test
  void initsOfAFreeParameterAreTheStartNotTheAnswer() {
    HistFactoryModel m = model(HISTOSYS, "{\"name\": \"mu\", \"inits\": [4.0]}", "m");
    assertEquals(4.0, m.inits()[0], 0);
    // the constraint's pull is 0 at the free optimum (λ = n with α = 0): μ̂ = 1.5, α̂ = 0
    double[] p = fit(m);
    assertEquals(1.5, p[0], TOL);
    assertEquals(0, p[1], TOL);
  }

  /**
   * The conditional fit at μ = 0 of b + αΔ with the constraint Normal(a | α, σ): the stationarity
   * condition Δ(n/λ − 1) = (α − a)/σ² with λ = b + αΔ is the quadratic Δα² + (b − aΔ + Δ²σ²)α − ab
   * − Δσ²(n − b) = 0, whose positive-λ root is α̂.
   */
  static double alphaHat(double a, double sigma) {
    double d = 10;
    double qa = d;
    double qb = B - a * d + d * d * sigma * sigma;
    double qc = -a * B - d * sigma * sigma * (N - B);
    return (-qb + Math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
  }

  static double conditionalAlpha(HistFactoryModel m) {
    return new Fitter(m).fixedPoiFit(m.observedData(), 0).parameters()[1];
  }

  @Test
  void auxdataMovesTheConstraintCentre() {
    HistFactoryModel plain = model(HISTOSYS, "", "plain");
    assertEquals(alphaHat(0, 1), conditionalAlpha(plain), TOL);
    HistFactoryModel m = model(HISTOSYS, "{\"name\": \"shape\", \"auxdata\": [0.5]}", "m");
    assertArrayEquals(new double[] {0.5}, m.observedData().aux(), 0);
    assertEquals(alphaHat(0.5, 1), conditionalAlpha(m), TOL);
    assertTrue(Math.abs(alphaHat(0.5, 1) - alphaHat(0, 1)) > 0.1, "a test that can fail");
  }

  @Test
  void sigmasSetTheConstraintWidth() {
    HistFactoryModel m = model(HISTOSYS, "{\"name\": \"shape\", \"sigmas\": [0.4]}", "m");
    assertEquals(alphaHat(0, 0.4), conditionalAlpha(m), TOL);
    assertTrue(Math.abs(alphaHat(0, 0.4) - alphaHat(0, 1)) > 0.1, "a test that can fail");
  }

  @Test
  void lumiTakesItsAuxdataAndSigmasFromTheConfig() {
    // background × λ with Normal(a | λ, σ), μ = 0: n/λ − b − (λ − a)/σ² = 0, i.e.
    // λ²/σ² + (b − a/σ²)λ − n = 0
    String lumi = "{\"name\": \"lumi\", \"type\": \"lumi\", \"data\": null}";
    double a = 1.05;
    double sigma = 0.02;
    HistFactoryModel m =
        model(
            lumi,
            "{\"name\": \"lumi\", \"auxdata\": [" + a + "], \"sigmas\": [" + sigma + "]}",
            "m");
    double qa = 1 / (sigma * sigma);
    double qb = B - a * qa;
    double want = (-qb + Math.sqrt(qb * qb + 4 * qa * N)) / (2 * qa);
    assertEquals(want, new Fitter(m).fixedPoiFit(m.observedData(), 0).parameters()[1], TOL);
  }

  @Test
  void anUnknownMeasurementNamesTheAvailableOnes() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> model("", "", "nope"));
    assertEquals("measurement", e.value());
    assertTrue(e.getMessage().contains("'m', 'plain'"), e.getMessage());
    assertEquals("m", model("", "", null).measurement());
    assertEquals("plain", model("", "", "plain").measurement());
  }
}
