package org.sbi4j.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;

/** The JIT warm-up shares nothing with a training run: the weights are the same with it or not. */
class FusedWarmUpTest {
  @Test
  void trainingWhileWarmingUpGivesTheSameWeights() {
    TrainingConfig c = TrainingConfig.builder().hiddenLayers(List.of(16, 16)).epochs(2).build();
    EventSample ratio = GaussianToy.ratioSample(1000, 1);
    EventSample score = GaussianToy.scoreSample(1000, 2);
    ModelData plainRatio = new Trainer(c).train(ratio, Method.ALICES, 3).model();
    ModelData plainScore = new Trainer(c).train(score, Method.SALLY, 4).model();
    ModelData warmRatio;
    ModelData warmScore;
    try (FusedWarmUp w = FusedWarmUp.start(RatioLoss.ALICES, List.of(16, 16), c.activation(), 128);
        FusedWarmUp s = FusedWarmUp.start(null, List.of(16, 16), c.activation(), 128)) {
      warmRatio = new Trainer(c).train(ratio, Method.ALICES, 3).model();
      warmScore = new Trainer(c).train(score, Method.SALLY, 4).model();
    }
    for (ModelData[] pair : new ModelData[][] {{plainRatio, warmRatio}, {plainScore, warmScore}}) {
      for (int l = 0; l < 3; l++) {
        assertArrayEquals(
            pair[0].members().get(0).layers().get(l).w(),
            pair[1].members().get(0).layers().get(l).w());
        assertArrayEquals(
            pair[0].members().get(0).layers().get(l).b(),
            pair[1].members().get(0).layers().get(l).b());
      }
    }
  }
}
