package org.sbi4j.training.steps;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.Configs;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.listeners.ProgressListener;
import org.sbi4j.training.listeners.TrainingListener;
import org.sbi4j.training.model.Method;
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
   */
  public record Request(
      Method method,
      Path data,
      Path config,
      Path out,
      long seed,
      PrintStream progress,
      TaskRunner runner) {
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

  /** Trains and writes the model folder. */
  public static Result run(Request r) {
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
    TrainingOutcome outcome =
        new Trainer(config, listeners).train(sample, nuisances, r.method(), r.seed(), r.runner());
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
