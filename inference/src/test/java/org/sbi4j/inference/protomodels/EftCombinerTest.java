package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.Parameter;

/**
 * K^c of a two-analysis EFT toy against a hand calculation (docs/math.md §9.3): the models with an
 * active operator are evaluated at μ = 1, one free parameter per active operator.
 */
class EftCombinerTest {
  private static final Combiner.Settings SETTINGS = new Combiner.Settings(0.5, 1.3);

  /**
   * Operator c in [−2, 2]; analyses A (n = 30 over b = 20 ± 3) and B (n = 18 over 15 ± 2) at 100
   * fb⁻¹, one region each; Y_A = 0.2 + 0.1 c + 0.05 c², Y_B = 0.15 + 0.08 c + 0.02 c² (fb),
   * tabulated at c = 0, 1, −1: signals s_A = 10 c + 5 c², s_B = 8 c + 2 c² events.
   */
  static Database twoAnalyses(boolean combinable) {
    Parameter c = Parameter.of("c", 2, -2, 2);
    return new Database(
        List.of(),
        List.of(c),
        List.of(analysis("A", c, 30, 20, 3, 0.1, 0.05), analysis("B", c, 18, 15, 2, 0.08, 0.02)),
        new boolean[][] {{false, combinable}, {combinable, false}});
  }

  private static Analysis analysis(
      String name, Parameter c, double n, double b, double delta, double l, double q) {
    double[][] basis = {{0}, {1}, {-1}};
    double[][] yields = new double[3][1];
    for (int k = 0; k < 3; k++) {
      double x = basis[k][0];
      yields[k][0] = b / 100 + l * x + q * x * x;
    }
    return new Analysis(
        name,
        100,
        new CountingLikelihood(new double[] {n}, new double[] {b}, new double[] {delta}, null),
        List.of(),
        List.of(EftTemplate.of(List.of(c), 2, basis, yields)));
  }

  /**
   * −ln L of one region profiled by hand: the textbook root λ = [(b + s − v) + √((b + s − v)² + 4 n
   * v)] / 2 of the stationarity condition, then λ − n ln λ + (λ − b − s)²/(2v).
   */
  private static double nll(double n, double b, double delta, double s) {
    double v = delta * delta;
    double p = b + s - v;
    double lambda = 0.5 * (p + Math.sqrt(p * p + 4 * n * v));
    double theta = lambda - b - s;
    return lambda - n * Math.log(lambda) + theta * theta / (2 * v);
  }

  private static double deltaChi2(double n, double b, double delta, double s) {
    return 2 * (nll(n, b, delta, 0) - nll(n, b, delta, s));
  }

  @Test
  void combinedKIsTheSumOfBothAnalysesMinusOneParameter() {
    double c = 0.7;
    double sA = 10 * c + 5 * c * c;
    double sB = 8 * c + 2 * c * c;
    double expected = deltaChi2(30, 20, 3, sA) + deltaChi2(18, 15, 2, sB);
    Database db = twoAnalyses(true);
    Combiner.Evaluation ev =
        new Combiner(db, SETTINGS).evaluate(db.standardModel().withCoefficient(0, c));
    // both Δχ² are O(10); the two roots of λ agree to ~1e-14 relative
    assertEquals(expected, ev.deltaChi2(), 1e-10);
    assertEquals(expected - 2 * 0.5 * 1, ev.k(), 1e-10);
    assertEquals(1, ev.freeParameters());
    assertEquals(1, ev.muHat());
    assertArrayEquals(new int[] {0, 1}, ev.clique());
  }

  @Test
  void notCombinableTheBetterAnalysisWins() {
    double c = 0.7;
    double dA = deltaChi2(30, 20, 3, 10 * c + 5 * c * c);
    double dB = deltaChi2(18, 15, 2, 8 * c + 2 * c * c);
    Database db = twoAnalyses(false);
    Combiner.Evaluation ev =
        new Combiner(db, SETTINGS).evaluate(db.standardModel().withCoefficient(0, c));
    assertEquals(Math.max(dA, dB) - 1, ev.k(), 1e-10);
    assertArrayEquals(new int[] {dA >= dB ? 0 : 1}, ev.clique());
  }

  @Test
  void destructiveInterferenceGivesANegativeDeltaChi2() {
    // c = −0.5: s_A = −3.75, s_B = −3.5 events against observed excesses: Δχ² < 0, K < −1
    double c = -0.5;
    double expected =
        deltaChi2(30, 20, 3, 10 * c + 5 * c * c) + deltaChi2(18, 15, 2, 8 * c + 2 * c * c);
    Database db = twoAnalyses(true);
    Combiner.Evaluation ev =
        new Combiner(db, SETTINGS).evaluate(db.standardModel().withCoefficient(0, c));
    assertEquals(expected, ev.deltaChi2(), 1e-10);
    assertEquals(expected - 1, ev.k(), 1e-10);
    assertEquals(true, expected < 0);
  }

  @Test
  void theCriticExcludesAModelAboveItsLimit() {
    Database db = twoAnalyses(true);
    ProtoModel m = db.standardModel().withCoefficient(0, 2);
    // s_A = 40 events, far above A's observed limit (about 2 × √(20 + 9) + 10 ≈ 21 events)
    CountingLikelihood a = (CountingLikelihood) db.analyses().get(0).likelihood();
    CountingLikelihood b = (CountingLikelihood) db.analyses().get(1).likelihood();
    double r = Math.max(40 / a.observedLimits()[0], 24 / b.observedLimits()[0]);
    Combiner.Evaluation ev = new Combiner(db, SETTINGS).evaluate(m);
    assertEquals(Double.NEGATIVE_INFINITY, ev.k());
    assertEquals(1.3 / r, ev.muMax(), 1e-12);
    assertEquals(true, r > 1.3);
  }

  @Test
  void freeParametersCountActiveOperatorsAndParticles() {
    ProtoModel m =
        ProtoModel.standardModel(1, 3)
            .with(0, 150, 1, new double[] {1})
            .withCoefficient(0, 0.5)
            .withCoefficient(2, -1);
    // particle: mass + strength; two active operators
    assertEquals(4, m.freeParameters());
    assertEquals(3, m.withCoefficient(2, 0).freeParameters());
    assertEquals(0, ProtoModel.standardModel(1, 3).freeParameters());
  }
}
