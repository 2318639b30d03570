package org.sbi4j.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;

/**
 * ROLR's default gradient clip (RatioLoss#defaultGradientClip) reaches both engines: on a sample
 * with one heavy row (a row drawn at θ0 whose joint log r is −10, so 1/r = e^10 and its loss term
 * (1/r̂ − e^10)² gives a gradient far above norm 10), the default config trains exactly the weights
 * of an explicit {@code gradientClip: 10} and not those of {@code gradientClip: .inf}, and the
 * model folder's config records the clip.
 */
class DefaultGradientClipTest {
  @ParameterizedTest
  @EnumSource(
      value = TrainingEngine.class,
      names = {"FUSED", "SAMEDIFF"})
  void rolrTrainsWithTheDefaultClipOnBothEngines(TrainingEngine engine) {
    EventSample s = GaussianToy.ratioSample(256, 21);
    double[] logR = s.column(Column.LOG_R_XZ);
    logR[0] = -10; // row 0 has y = 0 (GaussianToy alternates y = 0, 1)
    EventSample heavy = s.withColumn(Column.LOG_R_XZ, logR, List.of("theta"));
    TrainingConfig c =
        TrainingConfig.builder()
            .hiddenLayers(List.of(8))
            .epochs(2)
            .batchSize(64)
            .validationSplit(0.0)
            .engine(engine)
            .build();
    TrainingOutcome byDefault = new Trainer(c).train(heavy, Method.ROLR, 3);
    TrainingOutcome explicit =
        new Trainer(c.toBuilder().gradientClip(10.0).build()).train(heavy, Method.ROLR, 3);
    TrainingOutcome none =
        new Trainer(c.toBuilder().gradientClip(Double.POSITIVE_INFINITY).build())
            .train(heavy, Method.ROLR, 3);
    assertEquals(10.0, byDefault.config().gradientClip());
    assertArrayEquals(weights(explicit.model()), weights(byDefault.model()));
    assertFalse(Arrays.equals(weights(none.model()), weights(byDefault.model())));
  }

  private static double[] weights(ModelData m) {
    Network n = m.members().get(0);
    double[] all = new double[0];
    for (Network.Dense d : n.layers()) {
      int at = all.length;
      all = Arrays.copyOf(all, at + d.w().length + d.b().length);
      System.arraycopy(d.w(), 0, all, at, d.w().length);
      System.arraycopy(d.b(), 0, all, at + d.w().length, d.b().length);
    }
    return all;
  }
}
