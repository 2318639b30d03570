package org.sbi4j.training.steps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.LocalTaskRunner;
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
import org.sbi4j.training.TrainingEngine;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.internal.FusedWarmUp;
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
   * @param timings where the time went ({@code train --timings}), or null: then left out of JSON
   */
  public record Result(
      String method,
      int trainingRows,
      int validationRows,
      int members,
      List<EpochReport> losses,
      double seconds,
      String out,
      List<String> nuisances,
      @JsonInclude(JsonInclude.Include.NON_NULL) Timings timings) {}

  /**
   * The phases of a {@code train} run, wall seconds (docs/cli.md, {@code train --timings}).
   *
   * @param startup from the JVM's start to the command's start
   * @param load reading the config and the training sample, the validation split, the
   *     standardisation and the training tables
   * @param epochs the members' training passes
   * @param validation the validation loss after each epoch
   * @param export writing the model folder (JSON files, ONNX, checksums, the move into place)
   * @param total from the JVM's start to the end of the run
   */
  public record Timings(
      double startup, double load, double epochs, double validation, double export, double total) {
    /** This with {@code startup}, {@code total} set and {@code extraExport} added to export. */
    public Timings completed(double startup, double extraExport, double total) {
      return new Timings(startup, load, epochs, validation, export + extraExport, total);
    }

    /** One line for stderr. */
    public String line() {
      return String.format(
          java.util.Locale.ROOT,
          "timings: startup %.2f s, load %.2f s, epochs %.2f s, validation %.2f s, export %.2f s,"
              + " total %.2f s",
          startup,
          load,
          epochs,
          validation,
          export,
          total);
    }
  }

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
      return MorphingAware.of(
          r.morphingAware(),
          in.setup(),
          sigma,
          MorphingAware.clipFor(r.morphingAware(), config.logRatioClip()));
    }
  }

  /** Trains and writes the model folder. */
  public static Result run(Request r) {
    return run(r, Progress.Factory.NONE);
  }

  /** Trains and writes the model folder, counting epochs on a progress {@code bars} opens. */
  public static Result run(Request r, Progress.Factory bars) {
    long start = System.nanoTime();
    TrainingConfig config =
        r.config() == null
            ? TrainingConfig.defaults()
            : Configs.load(r.config(), TrainingConfig.class);
    try (FusedWarmUp warmUp = warmUp(r, config)) {
      return run(r, config, start, bars, warmUp);
    }
  }

  /**
   * The JIT warm-up of the fused engine while the sample loads (null where training will not run on
   * the fused engine in this JVM).
   */
  private static FusedWarmUp warmUp(Request r, TrainingConfig config) {
    if (r.morphingAware() != null
        || !(r.runner() == null || r.runner() instanceof LocalTaskRunner)) {
      return null;
    }
    try {
      if (config.resolvedFor(r.method()).engine() != TrainingEngine.FUSED) {
        return null;
      }
    } catch (IllegalArgumentException e) {
      return null; // reported with the other checks, in their order, by the training itself
    }
    return FusedWarmUp.start(
        r.method().ratioLoss().orElse(null),
        config.hiddenLayers(),
        config.activation(),
        config.batchSize());
  }

  private static Result run(
      Request r, TrainingConfig config, long start, Progress.Factory bars, FusedWarmUp warmUp) {
    EventSample sample = TrainingFiles.read(r.data());
    List<String> nuisances = TrainingFiles.nuisanceNames(r.data());
    Trainer.requireColumns(sample, r.method());
    List<TrainingListener> listeners = new ArrayList<>();
    if (r.progress() != null) {
      listeners.add(new ProgressListener(r.progress()));
    }
    long loaded = System.nanoTime();
    if (warmUp != null) {
      // The sample is in: from here the training's own threads need the cores.
      warmUp.close();
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
    long trained = System.nanoTime();
    ModelFolder.save(r.out(), outcome, r.data());
    long saved = System.nanoTime();
    TrainingOutcome.Phases phases = outcome.phases();
    double training = (trained - loaded) / 1e9;
    double prepare = training - phases.epochs() - phases.validation();
    Timings timings =
        new Timings(
            0,
            (loaded - start) / 1e9 + prepare,
            phases.epochs(),
            phases.validation(),
            (saved - trained) / 1e9,
            (saved - start) / 1e9);
    return new Result(
        r.method().cliName(),
        outcome.trainingRows(),
        outcome.validationRows(),
        outcome.model().members().size(),
        outcome.history(),
        outcome.seconds(),
        r.out().toString(),
        outcome.model().nuisanceNames(),
        timings);
  }
}
