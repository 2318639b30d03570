package org.sbi4j.inference.limits;

import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.inference.likelihood.BinningSpec;
import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.inference.internal.GridRatioModel;
import org.sbi4j.training.store.ModelFolder;
import org.sbi4j.training.model.Precision;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;

/** Trained model folders (docs/formats.md) as inference inputs. */
public final class ModelSources {
  private ModelSources() {}

  /**
   * A ratio model (CARL, ROLR, ALICE, RASCAL, ALICES, CASCAL) as an unbinned {@link
   * LimitSource.Ratio} (float32 models through {@link GridRatioModel}); a SALLY model as histograms of t̂ with adaptive binning. Labelled by the
   * method's name.
   */
  public static LimitSource limitSource(Path dir) {
    ModelFolder.Loaded loaded = ModelFolder.load(dir);
    SourceSpec spec = new SourceSpec.Model(dir.toAbsolutePath().toString());
    String label = loaded.model().method().cliName().toUpperCase(Locale.ROOT);
    if (loaded.model().isRatio()) {
      // float32 members are evaluated on the grid in plain Java (GridRatioModel, tested equal to
      // the ND4J evaluation to 1e-4 and many times faster on grids); float64 keeps ND4J.
      RatioEstimator model = loaded.model().precision() == Precision.FLOAT32
          ? new GridRatioModel(loaded.ratioModel()) : loaded.ratioModel();
      return new LimitSource.Ratio(label, model, spec);
    }
    Summary s = new Summary.Score(loaded.scoreModel());
    return new LimitSource.Histogram(label, s, BinningSpec.adaptive(s.dimension()), spec);
  }

  /** A SALLY model folder as a score estimator. */
  public static ScoreEstimator scoreModel(Path dir) {
    ModelFolder.Loaded loaded = ModelFolder.load(dir);
    if (loaded.model().isRatio()) {
      throw new InvalidValueException("model", "model folder " + dir + " is a "
          + loaded.model().method().cliName() + " ratio model; the SALLY Fisher information "
          + "needs a SALLY model (one trained with method sally)");
    }
    return loaded.scoreModel();
  }
}
