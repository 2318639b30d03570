package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The walker's moves stay in model space (docs/math.md §9.5). */
class WalkerTest {
  @Test
  void reflectionKeepsMassesInRange() {
    assertEquals(150, Walker.reflect(150, 100, 200), 1e-12);
    assertEquals(180, Walker.reflect(220, 100, 200), 1e-12);
    assertEquals(130, Walker.reflect(70, 100, 200), 1e-12);
    assertEquals(140, Walker.reflect(340, 100, 200), 1e-12);
  }

  @Test
  void branchingMovesKeepRatiosNormalised() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
    double[] br = {1, 0, 0};
    for (int i = 0; i < 2000; i++) {
      br = Walker.moveBranching(br, rng, 2 * rng.nextDouble() - 1);
      double sum = 0;
      for (double b : br) {
        assertTrue(b == 0 || b >= Walker.SMALLEST_BRANCHING, "ratio " + b);
        sum += b;
      }
      assertEquals(1, sum, 1e-12);
    }
  }

  @Test
  void proposalsAreNeighboursOfTheModel() {
    Database db = ToyDatabase.template();
    Combiner combiner = new Combiner(db, new Combiner.Settings(0.5, 1.3));
    Walker walker = new Walker(combiner, 3);
    ProtoModel m = ProtoModel.standardModel(db.particles().size());
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2L);
    for (int i = 0; i < 500; i++) {
      ProtoModel next = walker.propose(m, rng);
      int changed = 0;
      for (int p = 0; p < m.size(); p++) {
        boolean same =
            m.present(p) == next.present(p)
                && (!m.present(p)
                    || (m.mass(p) == next.mass(p)
                        && m.strength(p) == next.strength(p)
                        && java.util.Arrays.equals(m.branchings(p), next.branchings(p))));
        if (!same) {
          changed++;
          if (next.present(p)) {
            Particle particle = db.particles().get(p);
            assertTrue(next.mass(p) >= particle.massMin() && next.mass(p) <= particle.massMax());
          }
        }
      }
      // one particle changes per step (a move may land where it started only by chance)
      assertTrue(changed <= 1, "step " + i + " changed " + changed + " particles");
      m = next;
    }
  }

  @Test
  void operatorProposalsChangeOneCoefficientInsideItsRange() {
    Database db = EftToyDatabase.template();
    Walker walker = new Walker(new Combiner(db, new Combiner.Settings(0.5, 1.3)), 3);
    ProtoModel m = db.standardModel();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    boolean added = false;
    boolean removed = false;
    boolean moved = false;
    for (int i = 0; i < 500; i++) {
      ProtoModel next = walker.propose(m, rng);
      int changed = 0;
      for (int o = 0; o < m.operators(); o++) {
        if (m.coefficient(o) != next.coefficient(o)) {
          changed++;
          added |= !m.active(o);
          removed |= !next.active(o);
          moved |= m.active(o) && next.active(o);
          org.sbi4j.morphing.Parameter op = db.operators().get(o);
          assertTrue(next.coefficient(o) >= op.min() && next.coefficient(o) <= op.max());
        }
      }
      assertEquals(1, changed, "step " + i);
      m = next;
    }
    assertTrue(added && removed && moved);
  }
}
