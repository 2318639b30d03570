package org.sbi4j.training;

import java.util.List;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.ScoreModel;

/**
 * A finished training run.
 *
 * @param model the trained model
 * @param config the resolved config (α filled in)
 * @param seed the run's root seed
 * @param memberSeeds the seed of each ensemble member (derived from {@code seed})
 * @param history every epoch of every member, in order
 * @param trainingRows rows in the training partition
 * @param validationRows rows in the validation partition
 * @param seconds wall time of the whole run
 * @param phases where that time went
 */
public record TrainingOutcome(
    ModelData model,
    TrainingConfig config,
    long seed,
    List<Long> memberSeeds,
    List<EpochReport> history,
    int trainingRows,
    int validationRows,
    double seconds,
    Phases phases) {
  public TrainingOutcome {
    memberSeeds = List.copyOf(memberSeeds);
    history = List.copyOf(history);
  }

  /**
   * The wall time of a run, phase by phase; the three add up to {@link #seconds()} up to the few
   * microseconds between them.
   *
   * @param prepare validation split, standardisation, the training tables and the rest
   * @param epochs the members' training passes. With members trained in parallel, the wall time of
   *     the members is split between this and {@code validation} in proportion to the members'
   *     summed times in each
   * @param validation the members' validation losses after each epoch
   */
  public record Phases(double prepare, double epochs, double validation)
      implements java.io.Serializable {}

  /** The model as an estimator of the ratio (ratio methods only). */
  public RatioModel ratioModel() {
    return new RatioModel(model);
  }

  /** The model as a score estimator (SALLY only). */
  public ScoreModel scoreModel() {
    return new ScoreModel(model);
  }
}
