package org.sbi4j.inference.protomodels;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Provenance;
import org.sbi4j.common.TaskRunner;

/**
 * The proto-model builder (docs/math.md §9.5): independent walkers, one task each on a {@link
 * TaskRunner}, each checkpointed so that a rerun continues where it stopped.
 */
public final class Builder {
  private Builder() {}

  /**
   * One walker's task.
   *
   * @param source the database
   * @param config the run
   * @param root the root seed of the walkers' steps
   * @param walker the walker's index
   * @param checkpoints folder of the checkpoints, or null for none
   * @param progress whether to print progress lines to stderr: at every checkpoint of the real
   *     database's walkers, at the end of a fake's
   * @param label the run's name in progress lines ("" for the real database, "fake 3 " for a fake)
   */
  record WalkerTask(
      DatabaseSource source,
      BuildConfig config,
      long root,
      int walker,
      String checkpoints,
      boolean progress,
      String label,
      Provenance provenance)
      implements Serializable {}

  /**
   * Runs {@code config.walkers()} walkers on {@code source}; walker states in order.
   *
   * @param checkpoints folder for the walkers' checkpoints (created), or null for none
   */
  public static List<WalkerState> run(
      DatabaseSource source,
      BuildConfig config,
      Path checkpoints,
      TaskRunner tasks,
      boolean progress) {
    return tasks.map(
        tasks(source, config, config.seed(), checkpoints, progress, ""), Builder::walk);
  }

  /** The tasks of one build; the caller may run several builds' tasks in one map. */
  static List<WalkerTask> tasks(
      DatabaseSource source,
      BuildConfig config,
      long root,
      Path checkpoints,
      boolean progress,
      String label) {
    if (checkpoints != null) {
      try {
        Files.createDirectories(checkpoints);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot create the checkpoint folder " + checkpoints + ": " + e.getMessage());
      }
    }
    List<WalkerTask> out = new ArrayList<>();
    for (int w = 0; w < config.walkers(); w++) {
      out.add(
          new WalkerTask(
              source,
              config,
              root,
              w,
              checkpoints == null ? null : checkpoints.toAbsolutePath().toString(),
              progress,
              label,
              Provenance.current()));
    }
    return out;
  }

  /** Runs one walker, resuming from its checkpoint when there is one. */
  static WalkerState walk(WalkerTask task) {
    Database db = task.source().load();
    Combiner combiner = new Combiner(db, task.config().settings());
    Walker walker = new Walker(combiner, task.root());
    Path file =
        task.checkpoints() == null
            ? null
            : Checkpoints.file(Path.of(task.checkpoints()), task.walker());
    String fingerprint = fingerprint(task);
    WalkerState state =
        file == null
            ? null
            : Checkpoints.read(file, fingerprint, db.particles().size(), db.operators().size());
    if (state == null) {
      state = walker.start(task.walker());
    }
    if (state.steps() >= task.config().steps()) {
      return truncate(state, task.config().steps(), walker);
    }
    return walker.walk(
        state,
        task.config().steps(),
        task.config().checkpointEvery(),
        s -> {
          if (file != null) {
            Checkpoints.write(file, fingerprint, s, task.provenance());
          }
          boolean last = s.steps() == task.config().steps();
          if (task.progress() && (last || !task.source().fake())) {
            System.err.printf(
                Locale.ROOT,
                "%swalker %d: step %d/%d, K = %.3f, best K = %.3f%n",
                task.label(),
                s.walker(),
                s.steps(),
                task.config().steps(),
                s.currentEvaluation().k(),
                s.bestEvaluation().k());
          }
        });
  }

  /**
   * A checkpoint with more steps than asked for: the run is replayed from the start to the asked
   * length, so that the result is that of a run of that length.
   */
  private static WalkerState truncate(WalkerState state, int steps, Walker walker) {
    if (state.steps() == steps) {
      return state;
    }
    return walker.walk(walker.start(state.walker()), steps, 0, s -> {});
  }

  /** What a checkpoint must match: database, fake, seeds, walker and settings. */
  static String fingerprint(WalkerTask t) {
    return String.join(
        ";",
        t.source().digest(),
        t.source().fake() ? Long.toString(t.source().fakeSeed()) : "observed",
        Long.toString(t.root()),
        Integer.toString(t.walker()),
        Double.toString(t.config().settings().penalty()),
        Double.toString(t.config().settings().rMax()));
  }

  /** The index of the walker with the largest best K (the first on ties). */
  public static int bestWalker(List<WalkerState> walkers) {
    int best = 0;
    for (int w = 1; w < walkers.size(); w++) {
      if (walkers.get(w).bestEvaluation().k() > walkers.get(best).bestEvaluation().k()) {
        best = w;
      }
    }
    return best;
  }
}
