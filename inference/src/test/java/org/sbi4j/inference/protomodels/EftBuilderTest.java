package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;

/**
 * The walkers on the EFT toy database (docs/math.md §9.5-§9.6): the planted operator coefficient is
 * found without spurious operators, a resumed walk with operators ends where an uninterrupted one
 * does, and SM-only databases give uniform global p-values.
 */
class EftBuilderTest {
  static final Combiner.Settings SETTINGS = BuilderTest.SETTINGS;

  /**
   * Gaussian (Fisher) uncertainty of cG from E01 and E02 at the planted cG = 1: per region (ds/dc)²
   * / (b + s + δ²) with s = L (l c + q c²) (EftToyDatabase's constants, L = 140): E01 42² / (40 +
   * 28 + 25), E02 35² / (30 + 28 + 16); σ = 1/√(18.97 + 16.55) ≈ 0.168.
   */
  static final double SIGMA_CG =
      1 / Math.sqrt(42.0 * 42 / (40 + 28 + 25) + 35.0 * 35 / (30 + 28 + 16));

  @TempDir Path tmp;

  private Path toy(String name, long seed, boolean planted) {
    Path dir = tmp.resolve(name);
    DatabaseJson.write(EftToyDatabase.generate(seed, planted), dir);
    return dir;
  }

  private List<WalkerState> build(Path dir, long seed) {
    BuildConfig config = new BuildConfig(4, 250, seed, SETTINGS, 1000);
    try (LocalTaskRunner tasks = new LocalTaskRunner(2)) {
      return Builder.run(DatabaseSource.of(dir), config, null, tasks, false);
    }
  }

  /** The best model's checks common to every planted database; returns the best model. */
  private static ProtoModel checkPlanted(Database db, WalkerState best) {
    ProtoModel m = best.best();
    assertTrue(m.active(0), "cG missing: " + java.util.Arrays.toString(m.coefficients()));
    // the maximum-likelihood cG lies within 3 σ of the truth but for a 0.3 % fluctuation
    assertEquals(EftToyDatabase.PLANTED_COEFFICIENT, m.coefficient(0), 3 * SIGMA_CG);
    int[] clique = best.bestEvaluation().clique();
    assertTrue(
        BuilderTest.contains(clique, db.indexOf("E01"))
            && BuilderTest.contains(clique, db.indexOf("E02")));
    // every active operator pays for its free parameter: removing it lowers K
    Combiner combiner = new Combiner(db, SETTINGS);
    for (int o : m.activeOperators()) {
      assertTrue(
          combiner.evaluate(m.withCoefficient(o, 0)).k() < best.bestEvaluation().k(),
          "operator " + o + " does not pay for itself");
    }
    return m;
  }

  @Test
  void findsThePlantedOperatorAndNoSpuriousOne() {
    Path dir = toy("db", 1, true);
    List<WalkerState> walkers = build(dir, 1);
    WalkerState best = walkers.get(Builder.bestWalker(walkers));
    Database db = DatabaseJson.read(dir);
    ProtoModel m = checkPlanted(db, best);
    assertFalse(m.active(1) || m.active(2), java.util.Arrays.toString(m.coefficients()));
    // the walkers reach the maximum of K over cG alone, found by a scan in steps of 0.001 (K
    // curves by about 1/σ² ≈ 35 per unit², so the scan misses its maximum by < 35 × 0.0005² / 2)
    Combiner combiner = new Combiner(db, SETTINGS);
    double kScan = Double.NEGATIVE_INFINITY;
    double cScan = 0;
    for (int i = -2000; i <= 2000; i++) {
      double k = combiner.evaluate(db.standardModel().withCoefficient(0, i * 0.001)).k();
      if (k > kScan) {
        kScan = k;
        cScan = i * 0.001;
      }
    }
    assertEquals(kScan, best.bestEvaluation().k(), 0.01);
    assertEquals(cScan, m.coefficient(0), 0.01);
    assertTrue(best.bestEvaluation().k() > 10, "K = " + best.bestEvaluation().k());
  }

  /**
   * On other planted databases cG is always found; a spurious operator may join it when it gains
   * more than its penalty 2A = 1 × 2 in Δχ² (a χ²₁ fluctuation above 2: about 16 % per operator),
   * but it must then pay for itself.
   */
  @Test
  void findsThePlantedOperatorOnEveryDatabase() {
    for (long seed = 2; seed <= 7; seed++) {
      Path dir = toy("db" + seed, seed, true);
      List<WalkerState> walkers = build(dir, seed);
      checkPlanted(DatabaseJson.read(dir), walkers.get(Builder.bestWalker(walkers)));
    }
  }

  @Test
  void aResumedWalkWithOperatorsEndsWhereAnUninterruptedOneDoes() {
    Path dir = toy("db", 12, true);
    DatabaseSource source = DatabaseSource.of(dir);
    BuildConfig shortRun = new BuildConfig(2, 30, 9, SETTINGS, 10);
    BuildConfig fullRun = new BuildConfig(2, 70, 9, SETTINGS, 10);
    List<WalkerState> straight =
        ResumedWalks.assertResumeMatchesStraight(
            source, shortRun, fullRun, tmp.resolve("resumed"), 2);
    assertFalse(straight.get(0).best().activeOperators().isEmpty());
  }

  @Test
  void plantedOperatorHasASmallGlobalPValue() {
    Path dir = toy("db", 13, true);
    GlobalPValue.Result r;
    try (LocalTaskRunner tasks = new LocalTaskRunner(2)) {
      r =
          GlobalPValue.run(
              DatabaseSource.of(dir),
              new BuildConfig(2, 120, 4, SETTINGS, 1000),
              6,
              null,
              tasks,
              false);
    }
    // K_obs of the planted signal (Δχ² ≈ 20 expected from E01 and E02) is far above the K of SM
    // fakes, which behave like the largest of a few χ²₁ minus penalties (the 20 fakes of the
    // example in docs/cli.md stay below 5.4)
    assertEquals(0, r.pValue(), java.util.Arrays.toString(r.fakeK()) + " vs " + r.observedK());
    assertTrue(r.pValueRandomized() <= 1.0 / 7);
  }

  /** As for the particle toy (BuilderTest), over 16 SM-only EFT databases. */
  @Test
  void smOnlyPValuesAreUniformOverSeeds() {
    BuilderTest.assertUniform(
        BuilderTest.smOnlyPValues(tmp, d -> EftToyDatabase.generate(200 + d, false), 16));
  }
}
