package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;

/**
 * The walkers on the toy database (docs/math.md §9.5-§9.6): planted-signal recovery, resumption,
 * independence of the thread count, and the SM's global p-value: small with the planted signal,
 * uniform over SM-only databases.
 */
class BuilderTest {
  static final Combiner.Settings SETTINGS = new Combiner.Settings(0.5, 1.3);

  @TempDir Path tmp;

  private Path toy(String name, long seed, boolean planted) {
    Path dir = tmp.resolve(name);
    DatabaseJson.write(ToyDatabase.generate(seed, planted), dir);
    return dir;
  }

  @Test
  void findsThePlantedModelAndCombination() {
    Path dir = toy("db", 11, true);
    BuildConfig config = new BuildConfig(4, 300, 5, SETTINGS, 100);
    List<WalkerState> walkers;
    try (LocalTaskRunner tasks = new LocalTaskRunner(2)) {
      walkers = Builder.run(DatabaseSource.of(dir), config, null, tasks, false);
    }
    WalkerState best = walkers.get(Builder.bestWalker(walkers));
    Database db = DatabaseJson.read(dir);
    int x = db.particleIndex("X");
    assertTrue(best.best().present(x));
    // the regions the planted X feeds are 150-200 GeV wide
    assertEquals(ToyDatabase.PLANTED_MASS, best.best().mass(x), 100);
    assertTrue(best.best().branchings(x)[0] > 0.5);
    int[] clique = best.bestEvaluation().clique();
    assertTrue(contains(clique, db.indexOf("A01")) && contains(clique, db.indexOf("A02")));
    // the planted model itself, with μ̂ fitted, is at least as good as K(SM) = 0 by a margin
    Combiner.Evaluation planted = new Combiner(db, SETTINGS).evaluate(ToyDatabase.plantedModel(db));
    assertTrue(planted.k() > 10, "K(planted) = " + planted.k());
    assertTrue(best.bestEvaluation().k() >= planted.k() - 1, "walkers fell short of the planted K");
  }

  @Test
  void aResumedWalkEndsWhereAnUninterruptedOneDoesOnAnyThreadCount() {
    Path dir = toy("db", 12, true);
    DatabaseSource source = DatabaseSource.of(dir);
    BuildConfig shortRun = new BuildConfig(3, 40, 9, SETTINGS, 15);
    BuildConfig fullRun = new BuildConfig(3, 90, 9, SETTINGS, 15);
    ResumedWalks.assertResumeMatchesStraight(source, shortRun, fullRun, tmp.resolve("resumed"), 2);
  }

  @Test
  void plantedSignalHasASmallGlobalPValue() {
    Path dir = toy("db", 13, true);
    BuildConfig config = new BuildConfig(2, 120, 4, SETTINGS, 1000);
    GlobalPValue.Result r;
    try (LocalTaskRunner tasks = new LocalTaskRunner(2)) {
      r = GlobalPValue.run(DatabaseSource.of(dir), config, 6, null, tasks, false);
    }
    assertEquals(0, r.pValue(), java.util.Arrays.toString(r.fakeK()) + " vs " + r.observedK());
    assertTrue(r.pValueRandomized() <= 1.0 / 7);
  }

  /**
   * SM-only databases and their fakes are drawn from the same distribution, so the randomised
   * p-value is exactly uniform: a KS test over 24 databases (5 fakes, 2 walkers of 40 steps each)
   * must not reject at 1 %. The walks are short; uniformity holds for any fixed procedure.
   */
  @Test
  void smOnlyPValuesAreUniformOverSeeds() {
    assertUniform(smOnlyPValues(tmp, d -> ToyDatabase.generate(100 + d, false), 24));
  }

  /**
   * The randomised global p-values of {@code databases} SM-only databases, database d made by
   * {@code make.apply(d)}, each with 5 fakes and 2 walkers of 40 steps seeded with d.
   */
  static double[] smOnlyPValues(
      Path tmp, java.util.function.IntFunction<Database> make, int databases) {
    double[] p = new double[databases];
    BuildConfig config = new BuildConfig(2, 40, 0, SETTINGS, 1000);
    try (LocalTaskRunner tasks = new LocalTaskRunner(2)) {
      for (int d = 0; d < databases; d++) {
        Path dir = tmp.resolve("sm" + d);
        DatabaseJson.write(make.apply(d), dir);
        p[d] =
            GlobalPValue.run(DatabaseSource.of(dir), config.withSeed(d), 5, null, tasks, false)
                .pValueRandomized();
      }
    }
    return p;
  }

  /** A KS test of uniformity on [0, 1] must not reject at 1 %. */
  static void assertUniform(double[] p) {
    double ks =
        new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), p);
    assertTrue(ks > 0.01, "KS p = " + ks + " for " + java.util.Arrays.toString(p));
  }

  static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
