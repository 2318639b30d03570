package org.sbi4j.training.model;

import java.util.List;

/**
 * What {@link RatioModel} and {@link ScoreModel} share: the model data, checked to be of the right
 * kind, and the {@link NetworkEvaluator} all predictions go through.
 */
abstract class TrainedModel {
  final ModelData data;
  final NetworkEvaluator evaluator;

  /**
   * @param ratio whether the subclass estimates the ratio (else the score)
   * @param wrongKind the message when {@code data} is of the other kind
   */
  TrainedModel(ModelData data, boolean ratio, String wrongKind) {
    if (data.isRatio() != ratio) {
      throw new IllegalArgumentException(wrongKind);
    }
    if (data.isMorphingAware()) {
      throw new IllegalArgumentException(
          "a morphing-aware model is evaluated by MorphingAwareModel.of, not by a plain network"
              + " evaluator");
    }
    this.data = data;
    this.evaluator = new NetworkEvaluator(data);
  }

  public ModelData data() {
    return data;
  }

  /** The observable names, in input order. */
  public List<String> observables() {
    return data.observables();
  }

  /** The parameter names: θ, then the nuisance parameters ν. */
  public List<String> parameters() {
    return data.parameters();
  }

  /** The nuisance parameters: the last entries of {@link #parameters()} (empty without). */
  public List<String> nuisanceNames() {
    return data.nuisanceNames();
  }
}
