package org.sbi4j.inference.cwola;

import java.util.Locale;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.training.TrainingConfig;

/**
 * How a CWoLa search runs.
 *
 * @param srLow lower edge of the signal region in the resonant variable m
 * @param srHigh upper edge of the signal region, > srLow
 * @param low lower edge of the sidebands: the low sideband is [low, srLow), < srLow
 * @param high upper edge of the sidebands: the high sideband is [srHigh, high], > srHigh
 * @param folds k ≥ 2: each event is scored by a classifier trained on the other k − 1 folds
 * @param efficiency ε in (0, 1]: the top-ε fraction of each fold's events (by classifier score) is
 *     kept
 * @param signalRegionBins bins of the signal region in the bump-hunt fit, ≥ 1; the sidebands get
 *     bins of about the same width
 * @param classifier how each fold's classifier is trained (CARL cross-entropy)
 */
public record CwolaConfig(
    double srLow,
    double srHigh,
    double low,
    double high,
    int folds,
    double efficiency,
    int signalRegionBins,
    TrainingConfig classifier)
    implements java.io.Serializable {
  public CwolaConfig {
    if (!(Double.isFinite(low) && low < srLow && srLow < srHigh && srHigh < high)
        || !Double.isFinite(high)) {
      throw new InvalidValueException(
          "signalRegion",
          String.format(
              Locale.ROOT,
              "the signal region [%s, %s) must lie strictly inside the sidebands' range [%s, %s]",
              srLow,
              srHigh,
              low,
              high));
    }
    if (folds < 2) {
      throw new InvalidValueException("folds", "folds = " + folds + " must be ≥ 2, e.g. 5");
    }
    if (!(efficiency > 0 && efficiency <= 1)) {
      throw new InvalidValueException(
          "efficiency", "efficiency = " + efficiency + " must be in (0, 1], e.g. 0.1");
    }
    if (signalRegionBins < 1) {
      throw new InvalidValueException(
          "bins", "bins = " + signalRegionBins + " must be ≥ 1 signal-region bins");
    }
    if (classifier == null) {
      throw new IllegalArgumentException("classifier training config is missing");
    }
  }

  /**
   * Five folds, ε = 0.1, 4 signal-region bins, a 2 × 32 tanh classifier trained for 20 epochs
   * (batch 128, learning rate 1e−3 → 1e−4, a quarter held out with early stopping).
   */
  public static CwolaConfig of(double srLow, double srHigh, double low, double high) {
    return new CwolaConfig(srLow, srHigh, low, high, 5, 0.1, 4, defaultClassifier());
  }

  /** The default classifier: hidden layers [32, 32], 20 epochs. */
  public static TrainingConfig defaultClassifier() {
    return TrainingConfig.builder().hiddenLayers(java.util.List.of(32, 32)).epochs(20).build();
  }

  /** Whether m lies in the signal region. */
  public boolean inSignalRegion(double m) {
    return m >= srLow && m < srHigh;
  }

  /** Whether m lies in the signal region or a sideband. */
  public boolean inWindow(double m) {
    return m >= low && m <= high;
  }
}
