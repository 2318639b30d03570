package org.sbi4j.inference.nplm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.TaskRunner;

/** An interrupted toy run resumes from the toys it wrote and ends with the same numbers. */
class ToyResumeTest {
  @TempDir Path dir;

  /** Runs tasks in this thread, counting them; stops ("is killed") after {@code limit}. */
  private static final class Interrupting implements TaskRunner {
    final int limit;
    int ran;

    Interrupting(int limit) {
      this.limit = limit;
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(
        List<T> inputs, Task<T, R> task) {
      List<R> out = new ArrayList<>();
      for (T input : inputs) {
        if (ran == limit) {
          throw new IllegalStateException("run interrupted after " + limit + " toys");
        }
        try {
          out.add(task.apply(input));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        ran++;
      }
      return out;
    }

    @Override
    public int parallelism() {
      return 1;
    }

    @Override
    public void close() {}
  }

  @Test
  void anInterruptedRunResumesFromTheToysItWrote() throws Exception {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), 300, 30);
    double[] uninterrupted;
    try (LocalTaskRunner one = new LocalTaskRunner(1)) {
      uninterrupted = NplmTest.nullDistribution(nulls, NplmTestTest.FAST, 5, 3, one);
    }
    Path toys = dir.resolve("toys");
    assertThrows(
        IllegalStateException.class,
        () -> NplmTest.nullDistribution(nulls, NplmTestTest.FAST, 5, 3, new Interrupting(2), toys));
    assertTrue(Files.exists(toys.resolve("toy-0.t")) && Files.exists(toys.resolve("toy-1.t")));
    Interrupting resumed = new Interrupting(Integer.MAX_VALUE);
    double[] t = NplmTest.nullDistribution(nulls, NplmTestTest.FAST, 5, 3, resumed, toys);
    assertEquals(3, resumed.ran, "only the 3 unfinished toys run again");
    // exact: a toy's t is written in hexadecimal and read back bit for bit
    assertArrayEquals(uninterrupted, t, 0.0);
    Interrupting again = new Interrupting(Integer.MAX_VALUE);
    assertArrayEquals(
        uninterrupted, NplmTest.nullDistribution(nulls, NplmTestTest.FAST, 5, 3, again, toys), 0.0);
    assertEquals(0, again.ran, "a finished run reruns nothing");
  }

  /** A damaged list of resumptions is refused with the fix, not overwritten or mixed in. */
  @Test
  void aDamagedResumptionListIsRefused() throws Exception {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), 300, 30);
    Path toys = dir.resolve("toys");
    NplmTest.nullDistribution(nulls, NplmTestTest.FAST, 1, 3, new Interrupting(9), toys);
    assertTrue(Files.exists(toys.resolve("provenance.json")));
    Files.writeString(toys.resolve("resumptions.json"), "{\"not\": \"a list\"}");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NplmTest.nullDistribution(
                    nulls, NplmTestTest.FAST, 1, 3, new Interrupting(9), toys));
    assertTrue(e.getMessage().contains("resumptions.json is not a JSON array"), e.getMessage());
    assertTrue(e.getMessage().contains("delete it"), e.getMessage());
  }

  @Test
  void aFolderOfAnotherRunIsRefused() {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), 300, 30);
    Path toys = dir.resolve("toys");
    NplmTest.nullDistribution(nulls, NplmTestTest.FAST, 2, 3, new Interrupting(9), toys);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NplmTest.nullDistribution(
                    nulls, NplmTestTest.FAST, 2, 4, new Interrupting(9), toys));
    assertTrue(e.getMessage().contains("another run"), e.getMessage());
    assertTrue(e.getMessage().contains("seed: 3 in the folder, 4 now"), e.getMessage());
  }

  /** Issue 17: another reference sample or N(0) with the same folder is refused, naming it. */
  @Test
  void anotherReferenceOrExpectedCountIsRefused() {
    double[] pool = new double[200];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = i * 0.01;
    }
    Path toys = dir.resolve("toys");
    NplmTest.nullDistribution(
        new PoolToys(1, pool, null, 20), NplmTestTest.FAST, 2, 3, new Interrupting(9), toys);
    double[] other = pool.clone();
    other[7] = Math.nextUp(other[7]); // one bit of one event
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NplmTest.nullDistribution(
                    new PoolToys(1, other, null, 20),
                    NplmTestTest.FAST,
                    2,
                    3,
                    new Interrupting(9),
                    toys));
    assertTrue(e.getMessage().contains("reference SHA-256: "), e.getMessage());
    assertTrue(!e.getMessage().contains("expected"), e.getMessage());
    var f =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NplmTest.nullDistribution(
                    new PoolToys(1, pool, null, 30),
                    NplmTestTest.FAST,
                    2,
                    3,
                    new Interrupting(9),
                    toys));
    assertTrue(f.getMessage().contains("expected: 20.0 in the folder, 30.0 now"), f.getMessage());
    assertTrue(f.getMessage().contains("new toys folder"), f.getMessage());
    // the same inputs still resume
    assertEquals(
        2,
        NplmTest.nullDistribution(
                new PoolToys(1, pool, null, 20), NplmTestTest.FAST, 2, 3, new Interrupting(0), toys)
            .length);
  }

  /** Issue 8: a temporary file left by a killed writer is never taken for a finished toy. */
  @Test
  void aKilledWritersTemporaryFileIsNotAToy() throws Exception {
    ToyStore.open(dir, java.util.Map.of("run", "a"));
    ToyStore.save(dir.toString(), 3, 1.5);
    Files.writeString(dir.resolve(".toy-4.t.12345.tmp"), "2.");
    assertEquals(java.util.Map.of(3L, 1.5), ToyStore.open(dir, java.util.Map.of("run", "a")));
  }
}
