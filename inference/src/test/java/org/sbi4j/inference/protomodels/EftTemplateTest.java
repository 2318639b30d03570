package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.Parameter;

/**
 * EFT morphing templates (docs/math.md §9.2) against the polynomials they tabulate: a template
 * holds Y(θ) at its basis points only, so reproducing Y at other θ exactly is the test of the
 * morphing weights and of their contraction with the yields.
 *
 * <p>Tolerance 1e-12 relative: the weights come from the inverse of a basis matrix with condition
 * number below 10³ here, so round-off stays near 10³ × 1e-16 on values of order 1-100.
 */
class EftTemplateTest {
  private static final Parameter C1 = Parameter.of("c1", 2, -3, 3);
  private static final Parameter C2 = Parameter.of("c2", 2, -3, 3);

  private static void close(double expected, double actual) {
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)));
  }

  @Test
  void oneOperatorQuadraticIsReproducedAwayFromItsBasis() {
    // Y(c) = 2.5 − 0.7 c + 0.3 c² in region 0, 1.1 + 0.4 c + 0.05 c² in region 1
    double[][] poly = {{2.5, -0.7, 0.3}, {1.1, 0.4, 0.05}};
    double[][] basis = {{0}, {0.5}, {-2}};
    double[][] yields = new double[3][2];
    for (int b = 0; b < 3; b++) {
      for (int r = 0; r < 2; r++) {
        yields[b][r] = EftToyDatabase.polynomial(poly[r], basis[b]);
      }
    }
    EftTemplate t = EftTemplate.of(List.of(C1), 2, basis, yields);
    for (double c : new double[] {-2.9, -1, 0.3, 1.7, 2.5, 7}) {
      double[] y = t.yields(new double[] {c});
      close(2.5 - 0.7 * c + 0.3 * c * c, y[0]);
      close(1.1 + 0.4 * c + 0.05 * c * c, y[1]);
    }
  }

  @Test
  void twoOperatorQuadraticIsReproducedOnATiltedBasis() {
    // Y = 3 + 0.5 x − 0.2 y + 0.4 x² + 0.15 x y + 0.25 y²
    double[] poly = {3, 0.5, -0.2, 0.4, 0.15, 0.25};
    double[][] basis = {{0, 0}, {2, 0}, {-1, 0}, {0, 1.5}, {0, -2}, {1, -1}};
    double[][] yields = new double[basis.length][1];
    for (int b = 0; b < basis.length; b++) {
      yields[b][0] = EftToyDatabase.polynomial(poly, basis[b]);
    }
    EftTemplate t = EftTemplate.of(List.of(C1, C2), 2, basis, yields);
    double[][] thetas = {{0.3, -0.4}, {-2.2, 1.9}, {1.5, 1.5}, {-0.01, 2.8}, {2.9, -2.9}};
    for (double[] th : thetas) {
      double x = th[0];
      double y = th[1];
      close(3 + 0.5 * x - 0.2 * y + 0.4 * x * x + 0.15 * x * y + 0.25 * y * y, t.yields(th)[0]);
    }
  }

  @Test
  void productionTimesDecayQuarticIsReproduced() {
    // a coupling in production and decay: Y(c) = (1 + 0.3 c)² (2 − 0.5 c + 0.1 c²), power 4
    Parameter c = Parameter.of("c", 4, -3, 3);
    double[][] basis = {{0}, {1}, {-1}, {2}, {-2.5}};
    double[][] yields = new double[basis.length][1];
    for (int b = 0; b < basis.length; b++) {
      yields[b][0] = quartic(basis[b][0]);
    }
    EftTemplate t = EftTemplate.of(List.of(c), 4, basis, yields);
    for (double v : new double[] {-2.2, -0.6, 0.4, 1.3, 2.9}) {
      close(quartic(v), t.yields(new double[] {v})[0]);
    }
  }

  private static double quartic(double c) {
    double p = 1 + 0.3 * c;
    return p * p * (2 - 0.5 * c + 0.1 * c * c);
  }

  @Test
  void signalIsTheChangeFromTheStandardModelTimesLuminosity() {
    Database db = EftToyDatabase.template();
    int e01 = db.indexOf("E01");
    int e02 = db.indexOf("E02");
    // E01: Y = y₀ + 0.10 cG + 0.10 cG²; E02: Y = y₀ + 0.15 cG + 0.02 cW + 0.05 cG² + 0.01 cG cW +
    // 0.03 cW², both at 140 fb⁻¹
    ProtoModel m = db.standardModel().withCoefficient(0, 0.8).withCoefficient(1, -1.5);
    double[][] s = db.signals(m);
    close(140 * (0.10 * 0.8 + 0.10 * 0.64), s[e01][0]);
    close(
        140 * (0.15 * 0.8 + 0.02 * -1.5 + 0.05 * 0.64 + 0.01 * 0.8 * -1.5 + 0.03 * 2.25),
        s[e02][0]);
    // destructive interference: a deficit
    double[][] d = db.signals(db.standardModel().withCoefficient(0, -0.5));
    close(140 * (-0.05 + 0.025), d[e01][0]);
    assertTrue(d[e01][0] < 0);
    for (double[] row : db.signals(db.standardModel())) {
      for (double v : row) {
        assertEquals(0, v);
      }
    }
  }

  @Test
  void particlesAndOperatorsAddTheirSignals() {
    // particle P at 150 GeV: σ = 2 fb (log-linear between 4 and 1 fb), ε = 0.4, L = 10 fb⁻¹, κ =
    // 1.5: 12 events; operator c at 0.6 with Y = 0.5 + 0.2 c + 0.1 c²: 10 × (0.12 + 0.036)
    Particle p =
        new Particle("P", 100, 200, new double[] {100, 200}, new double[] {4, 1}, List.of("j"));
    double[][] basis = {{0}, {1}, {-1}};
    double[][] yields = new double[3][1];
    for (int b = 0; b < 3; b++) {
      yields[b][0] = EftToyDatabase.polynomial(new double[] {0.5, 0.2, 0.1}, basis[b]);
    }
    Analysis a =
        new Analysis(
            "A",
            10,
            new CountingLikelihood(new double[] {9}, new double[] {5}, new double[] {1}, null),
            List.of(
                new EfficiencyMap(
                    "P", "j", new double[] {100, 200}, new double[][] {{0.2}, {0.6}})),
            List.of(EftTemplate.of(List.of(C1), 2, basis, yields)));
    Database db = new Database(List.of(p), List.of(C1), List.of(a), new boolean[1][1]);
    ProtoModel particle = db.standardModel().with(0, 150, 1.5, new double[] {1});
    close(12, db.signals(particle)[0][0]);
    close(
        10 * (0.2 * 0.6 + 0.1 * 0.36),
        db.signals(db.standardModel().withCoefficient(0, 0.6))[0][0]);
    close(12 + 10 * (0.2 * 0.6 + 0.1 * 0.36), db.signals(particle.withCoefficient(0, 0.6))[0][0]);
    // a particle and an operator: 2 + 1 free parameters
    assertEquals(3, particle.withCoefficient(0, 0.6).freeParameters());
  }

  @Test
  void badTemplatesAreRefusedWithTheKey() {
    double[][] basis = {{0}, {1}, {-1}};
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> EftTemplate.of(List.of(C1), 2, basis, new double[][] {{1}, {2}}))
            .getMessage();
    assertTrue(m.contains("one row per benchmark (3), got 2"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    EftTemplate.of(
                        List.of(C1), 2, new double[][] {{0}, {1}}, new double[][] {{1}, {2}}))
            .getMessage();
    assertTrue(m.contains("add at least 1"), m);
    Database db = EftToyDatabase.template();
    Analysis limitOnly =
        new Analysis(
            "U", 10, new UpperLimitLikelihood(new TruncatedGaussian(5, 5)), List.of(), List.of());
    EftTemplate t = db.analyses().get(0).templates().get(0);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new Analysis(
                        "U",
                        10,
                        new UpperLimitLikelihood(new TruncatedGaussian(5, 5)),
                        List.of(),
                        List.of(t)))
            .getMessage();
    assertTrue(m.contains("counting likelihood"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new Database(
                        List.of(),
                        List.of(Parameter.of("other", 2, -1, 1)),
                        List.of(db.analyses().get(0), limitOnly),
                        new boolean[2][2]))
            .getMessage();
    assertTrue(m.contains("unknown operator 'cG'"), m);
  }
}
