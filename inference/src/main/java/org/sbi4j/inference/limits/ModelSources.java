package org.sbi4j.inference.limits;

import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;
import org.sbi4j.training.model.ReferenceRatioModel;
import org.sbi4j.training.store.ModelFolder;

/**
 * The one factory of {@link LimitSource}s from {@link SourceSpec}s (trained model folders,
 * docs/formats.md, and histogram baselines): what the CLI and the grid tasks on the workers call.
 */
public final class ModelSources {
  private ModelSources() {}

  /** The source {@code spec} describes, read from its files; it carries {@code spec}. */
  public static LimitSource open(SourceSpec spec) {
    if (spec instanceof SourceSpec.Model m) {
      return model(Path.of(m.dir()), m);
    }
    if (spec instanceof SourceSpec.Sallino s) {
      ScoreEstimator model = scoreModel(Path.of(s.dir()), "SALLINO (limits mode sallino)");
      int bins = s.bins() == null ? BinningSpec.defaultBins(1) : s.bins();
      return new LimitSource.Sallino("SALLINO", model, model.thetaRef(), bins, spec);
    }
    SourceSpec.Histogram h = (SourceSpec.Histogram) spec;
    Summary s = new Summary.Observed(h.observables());
    BinningSpec b =
        h.binsPerDimension() == null
            ? BinningSpec.adaptive(s.dimension())
            : new BinningSpec(h.binsPerDimension(), null, null);
    return new LimitSource.Histogram(s.label(), s, b, spec);
  }

  /**
   * A ratio model (CARL, ROLR, ALICE, RASCAL, ALICES, CASCAL) as an unbinned {@link
   * LimitSource.Ratio} (its grid evaluation is the model's own, see {@code NetworkEvaluator}); a
   * SALLY model as histograms of t̂ with adaptive binning. Labelled by the method's name. The same
   * as {@link #open} of a {@link SourceSpec.Model}.
   */
  public static LimitSource limitSource(Path dir) {
    return limitSource(dir, null);
  }

  /**
   * As {@link #limitSource(Path)}, a doubly parameterised ratio model at the reference {@code
   * theta1} (null: the centre of its trained θ1 range, docs/math.md §3.8). A θ1 for any other model
   * is refused.
   */
  public static LimitSource limitSource(Path dir, double[] theta1) {
    return open(new SourceSpec.Model(dir.toAbsolutePath().toString(), theta1));
  }

  private static LimitSource model(Path dir, SourceSpec.Model spec) {
    ModelFolder.Loaded loaded = ModelFolder.load(dir);
    String label = loaded.model().method().cliName().toUpperCase(Locale.ROOT);
    if (loaded.model().doublyParameterized()) {
      double[] theta1 =
          spec.theta1() != null
              ? spec.theta1()
              : ReferenceRatioModel.defaultReference(loaded.model());
      if (theta1.length != loaded.model().parameters().size()) {
        throw new InvalidValueException(
            "theta1",
            "the reference θ1 has "
                + theta1.length
                + " values but model "
                + dir
                + " has the parameters "
                + loaded.model().parameters()
                + "; give one value per parameter");
      }
      return new LimitSource.Ratio(label, loaded.ratioModel().atReference(theta1), spec);
    }
    if (spec.theta1() != null) {
      throw new InvalidValueException(
          "theta1",
          "model "
              + dir
              + " was trained at one fixed θ1, so its reference cannot be chosen; leave the"
              + " reference θ1 out or use a doubly parameterised model");
    }
    if (loaded.model().isMorphingAware()) {
      return new LimitSource.Ratio(label, loaded.morphingAwareModel(), spec);
    }
    if (loaded.model().isRatio()) {
      return new LimitSource.Ratio(label, loaded.ratioModel(), spec);
    }
    Summary s = new Summary.Score(loaded.scoreModel());
    return new LimitSource.Histogram(label, s, BinningSpec.adaptive(s.dimension()), spec);
  }

  /**
   * SALLINO on a SALLY model folder: per θ, histograms of t̂·(θ − θ_ref) in {@code bins} quantile
   * bins (null: {@link BinningSpec#defaultBins} of one dimension).
   */
  public static LimitSource sallino(Path dir, Integer bins) {
    return open(new SourceSpec.Sallino(dir.toAbsolutePath().toString(), bins));
  }

  /** A SALLY model folder as a score estimator. */
  public static ScoreEstimator scoreModel(Path dir) {
    return scoreModel(dir, "the SALLY Fisher information");
  }

  /** A ratio model folder as a ratio estimator (an ensemble keeps its members). */
  public static RatioEstimator ratioModel(Path dir) {
    ModelFolder.Loaded loaded = ModelFolder.load(dir);
    if (!loaded.model().isRatio()) {
      throw new InvalidValueException(
          "ratioModel",
          "model folder "
              + dir
              + " is a SALLY model; the model Fisher information needs a ratio model (one trained"
              + " with a ratio method such as alices); use kind sally for a SALLY model");
    }
    return loaded.ratioModel();
  }

  private static ScoreEstimator scoreModel(Path dir, String what) {
    ModelFolder.Loaded loaded = ModelFolder.load(dir);
    if (loaded.model().isRatio()) {
      throw new InvalidValueException(
          "model",
          "model folder "
              + dir
              + " is a "
              + loaded.model().method().cliName()
              + " ratio model; "
              + what
              + " needs a SALLY model (one trained with method sally)");
    }
    return loaded.scoreModel();
  }
}
