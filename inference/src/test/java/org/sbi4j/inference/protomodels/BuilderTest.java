package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;

/** The walkers on the toy database: planted-signal recovery, determinism and resumption. */
class BuilderTest {
  static final Combiner.Settings SETTINGS = new Combiner.Settings(0.5, 1.3);

  @TempDir Path tmp;

  @Test
  void findsThePlantedModelAndCombination() {
    Path dir = tmp.resolve("db");
    DatabaseJson.write(ToyDatabase.generate(11, true), dir);
    BuildConfig config = new BuildConfig(4, 300, 5, SETTINGS, 100);
    long t0 = System.nanoTime();
    List<WalkerState> walkers;
    try (LocalTaskRunner tasks = new LocalTaskRunner(2)) {
      walkers = Builder.run(DatabaseSource.of(dir), config, null, tasks, false);
    }
    System.out.println("build s " + (System.nanoTime() - t0) / 1e9);
    WalkerState best = walkers.get(Builder.bestWalker(walkers));
    Database db = DatabaseJson.read(dir);
    int x = db.particleIndex("X");
    System.out.println(best.best().describe(db.particles()) + " K " + best.bestEvaluation().k());
    assertEquals(List.of(x), best.best().presentParticles());
    assertEquals(ToyDatabase.PLANTED_MASS, best.best().mass(x), 100);
    int[] clique = best.bestEvaluation().clique();
    assertTrue(contains(clique, db.indexOf("A01")) && contains(clique, db.indexOf("A02")));
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
