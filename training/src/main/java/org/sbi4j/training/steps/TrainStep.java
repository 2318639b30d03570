package org.sbi4j.training.steps;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Progress;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.Configs;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.training.MorphingAwareTrainer;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.listeners.EpochProgress;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.listeners.ProgressListener;
import org.sbi4j.training.listeners.TrainingListener;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.store.ModelFolder;

/** {@code sbi4j train}: a training-sample file and a config in, a model folder out. */
public final class TrainStep {
  private TrainStep() {}

  /**
   * @param method the estimator
   * @param data training-sample file (docs/formats.md)
   * @param config YAML config (configs/train.yaml), or null for the defaults
   * @param out model folder to write
   * @param seed root seed
   * @param progress where per-epoch lines go, or null for silence
   * @param runner where the ensemble members train as tasks, or null for one after the other in
   *     this thread
   * @param morphingAware the combination of a morphing-aware model (docs/math.md §3.9), or null for
   *     a plain one
   * @param events the weighted event file whose setup and benchmark cross sections a morphing-aware
   *     model uses (required with {@code morphingAware}, else ignored)
   */
  public record Request(
      Method method,
      Path data,
      Path config,
      Path out,
      long seed,
      PrintStream progress,
      TaskRunner runner,
      MorphingAware.Kind morphingAware,
      Path events) {
    /** A model that is not morphing-aware. */
    public Request(
        Method method,
        Path data,
        Path config,
        Path out,
        long seed,
        PrintStream progress,
        TaskRunner runner) {
      this(method, data, config, out, seed, progress, runner, null, null);
    }

    /** Members one after the other in this thread. */
    public Request(
        Method method, Path data, Path config, Path out, long seed, PrintStream progress) {
      this(method, data, config, out, seed, progress, null);
    }
  }

  /**
   * @param method the estimator (lower case)
   * @param trainingRows rows trained on
   * @param validationRows rows held out
   * @param members ensemble members
   * @param losses every epoch of every member
   * @param seconds wall time
   * @param out the model folder
   * @param nuisances the nuisance parameters among the model's parameters (empty when none)
   */
  public record Result(
      String method,
      int trainingRows,
      int validationRows,
      int members,
      List<EpochReport> losses,
      double seconds,
      String out,
      List<String> nuisances) {}

  /** The morphing-aware combination from the event file's setup and benchmark cross sections. */
  private static MorphingAware morphing(Request r, TrainingConfig config, List<String> nuisances) {
    if (r.events() == null) {
      throw new InvalidValueException(
          "events",
          "a morphing-aware model needs the weighted event file the sample was drawn from (its"
              + " setup and benchmark cross sections)");
    }
    if (!nuisances.isEmpty()) {
      throw new InvalidValueException(
          "trainingSample",
          "a morphing-aware model is not available for a sample with nuisance parameters");
    }
    try (EventFile in = MadMinerFiles.open(r.events())) {
      double[] sigma = new GoldMiner(in.setup()).benchmarkCrossSections(in);
      return MorphingAware.of(r.morphingAware(), in.setup(), sigma, config.logRatioClip());
    }
  }

  /** Trains and writes the model folder. */
  public static Result run(Request r) {
    return run(r, Progress.Factory.NONE);
  }

  /** Trains and writes the model folder, counting epochs on a progress {@code bars} opens. */
  public static Result run(Request r, Progress.Factory bars) {
    TrainingConfig config =
        r.config() == null
            ? TrainingConfig.defaults()
            : Configs.load(r.config(), TrainingConfig.class);
    EventSample sample = TrainingFiles.read(r.data());
    List<String> nuisances = TrainingFiles.nuisanceNames(r.data());
    Trainer.requireColumns(sample, r.method());
    List<TrainingListener> listeners = new ArrayList<>();
    if (r.progress() != null) {
      listeners.add(new ProgressListener(r.progress()));
    }
    TrainingOutcome outcome;
    try (Progress epochs =
        bars.start("train", (long) config.epochs() * config.ensembleSize(), "epochs")) {
      listeners.add(new EpochProgress(epochs, config.epochs()));
      outcome =
          r.morphingAware() == null
              ? new Trainer(config, listeners)
                  .train(sample, nuisances, r.method(), r.seed(), r.runner())
              : new MorphingAwareTrainer(config, listeners)
                  .train(sample, r.method(), morphing(r, config, nuisances), r.seed());
    }
    ModelFolder.save(r.out(), outcome, r.data());
    return new Result(
        r.method().cliName(),
        outcome.trainingRows(),
        outcome.validationRows(),
        outcome.model().members().size(),
        outcome.history(),
        outcome.seconds(),
        r.out().toString(),
        outcome.model().nuisanceNames());
  }
}
