package org.sbi4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.io.Configs;
import org.sbi4j.training.model.Method;

class TrainingConfigTest {
  @Test
  void theExampleConfigIsTheDefaults() {
    TrainingConfig c = Configs.load(Path.of("../configs/train.yaml"), TrainingConfig.class);
    assertEquals(TrainingConfig.defaults(), c);
  }

  @Test
  void missingKeysTakeDefaultsAndUnknownKeysFail() {
    TrainingConfig c = Configs.parse("epochs: 3\nhiddenLayers: [5]\n", TrainingConfig.class);
    assertEquals(3, c.epochs());
    assertEquals(128, c.batchSize());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Configs.parse("epoch: 3\n", TrainingConfig.class));
    assertTrue(e.getMessage().contains("'epoch'"), e.getMessage());
  }

  @Test
  void learningRateDecaysExponentiallyFromFirstToLastEpoch() {
    TrainingConfig c = TrainingConfig.defaults();
    assertEquals(1e-3, c.learningRateAt(0), 1e-18);
    // lr_e = 1e-3 · 0.1^(e/49): exact up to pow's rounding.
    assertEquals(1e-4, c.learningRateAt(49), 1e-15);
    assertEquals(1e-3 * Math.pow(0.1, 10 / 49.0), c.learningRateAt(10), 1e-15);
  }

  @Test
  void badValuesNameTheKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrainingConfig.builder().validationSplit(1.5).build());
    assertTrue(e.getMessage().contains("validationSplit"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> TrainingConfig.builder().learningRate(-1).build());
  }

  @Test
  void alphaResolvesPerMethod() {
    TrainingConfig c = TrainingConfig.defaults();
    assertEquals(1.0, c.resolvedFor(Method.ALICES).alpha());
    assertEquals(0.0, c.resolvedFor(Method.CARL).alpha());
    assertEquals(10.0, c.resolvedFor(Method.RASCAL).alpha());
    assertEquals(0.3, c.toBuilder().alpha(0.3).build().resolvedFor(Method.RASCAL).alpha());
  }

  @Test
  void gradientClipResolvesPerMethodAndInfinityTurnsItOff() {
    TrainingConfig c = TrainingConfig.defaults();
    assertEquals(10.0, c.resolvedFor(Method.ROLR).gradientClip());
    assertEquals(10.0, c.resolvedFor(Method.RASCAL).gradientClip());
    assertTrue(c.resolvedFor(Method.ROLR).clipsGradients());
    for (Method m : new Method[] {Method.CARL, Method.ALICE, Method.ALICES, Method.CASCAL}) {
      assertEquals(null, c.resolvedFor(m).gradientClip(), m.toString());
      assertTrue(!c.resolvedFor(m).clipsGradients(), m.toString());
    }
    assertEquals(null, c.resolvedFor(Method.SALLY).gradientClip());
    assertEquals(
        0.1, c.toBuilder().gradientClip(0.1).build().resolvedFor(Method.ROLR).gradientClip());
    // `.inf` in YAML: no clipping, also for ROLR, and it survives the model folder's round trip
    TrainingConfig off = Configs.parse("gradientClip: .inf\n", TrainingConfig.class);
    assertEquals(Double.POSITIVE_INFINITY, off.gradientClip());
    TrainingConfig resolved = off.resolvedFor(Method.ROLR);
    assertTrue(!resolved.clipsGradients());
    String written =
        tools.jackson.dataformat.yaml.YAMLMapper.builder().build().writeValueAsString(resolved);
    assertEquals(resolved, Configs.parse(written, TrainingConfig.class), written);
    for (double bad : new double[] {Double.NEGATIVE_INFINITY, Double.NaN, 0.0, -1.0}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> TrainingConfig.builder().gradientClip(bad).build());
      assertTrue(e.getMessage().contains("gradientClip"), e.getMessage());
      assertTrue(e.getMessage().contains(".inf for no clipping"), e.getMessage());
    }
  }
}
