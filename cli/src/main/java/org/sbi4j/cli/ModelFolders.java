package org.sbi4j.cli;

import java.nio.file.Path;
import org.sbi4j.inference.LimitSource;
import org.sbi4j.training.ScoreEstimator;

/** Model folders (CLI.md) as inference sources: ratio models and SALLY score models. */
final class ModelFolders {
  private ModelFolders() {}

  /** A ratio model as a {@link LimitSource.Ratio}, a SALLY model as histograms of t̂. */
  static LimitSource load(Path dir) {
    throw unavailable(dir);
  }

  /** A SALLY model. */
  static ScoreEstimator loadScore(Path dir) {
    throw unavailable(dir);
  }

  private static IllegalArgumentException unavailable(Path dir) {
    return new IllegalArgumentException("cannot read model folder " + dir
        + ": this build has no model store yet; use --histogram OBS for limits");
  }
}
