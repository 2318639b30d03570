package org.sbi4j.samples.steps;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.ChunkDraws;
import org.sbi4j.samples.mining.ChunkSums;
import org.sbi4j.samples.mining.Draws;
import org.sbi4j.samples.mining.EventDrawer;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.NuisanceShift;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.mining.UnweightingPlan;
import org.sbi4j.samples.mining.WeightedView;

/**
 * Unweighting of a partition of an event file as independent tasks over chunks of events, on any
 * {@link TaskRunner} (local threads or Spark). Each task opens the file itself and reads only its
 * chunk. Pass 1 returns the chunk's sums, which the driver adds in chunk order (the reduce giving
 * σ(θ) and the draw normalisation) and splits the draws over the chunks with a multinomial draw;
 * pass 2 draws each chunk's share with the seed {@code derive(seed, 3, chunk)}. The steps are those
 * of {@link Unweighter}, so the draws equal {@link Unweighter#draw} over the same partition in
 * chunks of the same size, whichever runner executes them.
 */
public final class ChunkedAugment {
  private ChunkedAugment() {}

  /** A task's share: partition events [from, from + count), partition starting at start. */
  record Chunk(String file, long start, long from, long count, double[] factors, double correction)
      implements Serializable {}

  /** Pass 1 input: a chunk, the morphing weights of the points (M × B) and their ν (null: none). */
  record SumsInput(Chunk chunk, double[][] points, NuisanceShift shift) implements Serializable {}

  /** Pass 2 input: a chunk, the points, its draws per point, its Σ dσ⁺ per point and its seed. */
  record DrawInput(
      Chunk chunk,
      double[][] points,
      int[] counts,
      double[] positive,
      long seed,
      NuisanceShift shift)
      implements Serializable {}

  /**
   * An {@link EventDrawer} over {@code partition} of {@code file}.
   *
   * @param eventsPerTask events per task (each task streams its chunk)
   */
  public static EventDrawer drawer(
      Path file, Partition partition, TaskRunner runner, int eventsPerTask) {
    return EventDrawer.shifted(
        (thetas, shift, counts, maxNegativeFraction, seed) ->
            draw(
                file,
                partition,
                runner,
                eventsPerTask,
                thetas,
                shift,
                counts,
                maxNegativeFraction,
                seed));
  }

  private static Draws draw(
      Path file,
      Partition partition,
      TaskRunner runner,
      int eventsPerTask,
      double[][] thetas,
      NuisanceShift shift,
      int[] counts,
      double maxNegativeFraction,
      long seed) {
    List<Chunk> chunks = new ArrayList<>();
    MorphingSetup setup;
    List<String> observables;
    Nuisances nuisances;
    try (EventFile in = MadMinerFiles.open(file)) {
      setup = in.setup();
      observables = in.observables();
      nuisances = shift == null ? Nuisances.NONE : Unweighter.nuisancesOf(in);
      long n = in.size();
      long start = partition.from(n);
      long size = partition.size(n);
      double[] factors = WeightedView.samplingFactors(in.eventsPerBenchmark());
      for (long from = 0; from < size; from += eventsPerTask) {
        chunks.add(
            new Chunk(
                file.toString(),
                start,
                from,
                Math.min(eventsPerTask, size - from),
                factors,
                partition.correction(n)));
      }
    }
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException(
          "the "
              + partition.name().toLowerCase(java.util.Locale.ROOT)
              + " partition of "
              + file
              + " has no events to draw from");
    }
    double[][] points = Unweighter.morphingWeights(setup, thetas, counts);
    List<ChunkSums> sums =
        runner.map(
            chunks.stream().map(c -> new SumsInput(c, points, shift)).toList(),
            ChunkedAugment::sums);
    UnweightingPlan plan =
        UnweightingPlan.of(thetas, counts, sums, maxNegativeFraction, Seeds.derive(seed, 1));
    List<DrawInput> work = new ArrayList<>();
    for (int c = 0; c < chunks.size(); c++) {
      work.add(
          new DrawInput(
              chunks.get(c),
              points,
              plan.chunkCounts()[c],
              sums.get(c).positive(),
              Seeds.derive(seed, 3, c),
              shift));
    }
    List<ChunkDraws> draws = runner.map(work, ChunkedAugment::drawChunk);
    return Unweighter.combine(setup, observables, nuisances, draws, plan, seed);
  }

  private static ChunkSums sums(SumsInput s) {
    try (EventFile in = MadMinerFiles.open(Path.of(s.chunk().file()))) {
      return new Unweighter(new GoldMiner(in.setup()))
          .sums(view(in, s.chunk()), s.points(), s.shift());
    }
  }

  private static ChunkDraws drawChunk(DrawInput d) {
    if (java.util.Arrays.stream(d.counts()).allMatch(k -> k == 0)) {
      return new ChunkDraws(new double[0], new double[0], new int[0], new int[0], new long[0]);
    }
    try (EventFile in = MadMinerFiles.open(Path.of(d.chunk().file()))) {
      return new Unweighter(new GoldMiner(in.setup()))
          .drawChunk(
              view(in, d.chunk()),
              d.chunk().from(),
              d.points(),
              d.counts(),
              d.positive(),
              d.seed(),
              d.shift());
    }
  }

  private static WeightedView view(EventFile in, Chunk c) {
    return WeightedView.of(in, c.start() + c.from(), c.count(), c.factors(), c.correction());
  }
}
