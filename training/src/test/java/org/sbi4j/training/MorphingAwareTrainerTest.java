package org.sbi4j.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.model.MorphingAwareModel;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.store.ModelFolder;

/**
 * {@link MorphingAwareTrainer}: the model's layout (x-only members with one output per benchmark,
 * identity θ scaling), the same seed giving the same weights, and a model folder that records the
 * combination and reproduces the predictions exactly.
 */
class MorphingAwareTrainerTest {
  @TempDir Path tmp;

  private static final Simulator SIM = new Interference1D();

  private static EventSample events() {
    return SIM.events(8000, 31);
  }

  private static EventSample sample(EventSample events) {
    return new TrainingSamples(SIM.setup(), 0.05)
        .ratio(
            WeightedView.of(EventSource.of(events), Partition.ALL),
            new double[][] {{-0.8}, {-0.3}, {0.4}, {0.9}},
            new double[] {0},
            1000,
            32)
        .sample();
  }

  private static TrainingConfig small() {
    return TrainingConfig.builder().hiddenLayers(List.of(8)).epochs(2).build();
  }

  @Test
  void theLinearFormClipsAtFiveAndKeepsAnAlphaTheConfigSets() {
    assertEquals(5, MorphingAware.clipFor(MorphingAware.Kind.LINEAR, 10));
    assertEquals(3, MorphingAware.clipFor(MorphingAware.Kind.LINEAR, 3));
    assertEquals(10, MorphingAware.clipFor(MorphingAware.Kind.QUADRATIC, 10));
    MorphingAware linear =
        MorphingAware.fromEvents(MorphingAware.Kind.LINEAR, SIM.setup(), events(), 5);
    TrainingConfig set = small().toBuilder().alpha(2.0).build();
    assertEquals(2.0, MorphingAwareTrainer.withDefaultAlpha(set, Method.ALICES, linear).alpha());
    // no score term: nothing to weight, the config stays as it is
    assertEquals(
        null, MorphingAwareTrainer.withDefaultAlpha(small(), Method.ALICE, linear).alpha());
  }

  @Test
  void trainsXOnlyMembersAndSavesTheCombination() {
    EventSample ev = events();
    EventSample s = sample(ev);
    for (MorphingAware.Kind kind : MorphingAware.Kind.values()) {
      MorphingAware spec = MorphingAware.fromEvents(kind, SIM.setup(), ev, 10);
      TrainingOutcome out =
          new MorphingAwareTrainer(small(), List.of()).train(s, Method.ALICES, spec, 5);
      ModelData m = out.model();
      assertTrue(m.isMorphingAware());
      assertEquals(1, m.members().get(0).inputs());
      // linear: two outputs per benchmark (the default form), the component at θ1 = 0 fixed
      assertEquals(kind == MorphingAware.Kind.LINEAR ? 6 : 2, m.members().get(0).outputs());
      assertEquals(kind == MorphingAware.Kind.LINEAR ? 0 : -1, m.morphingAware().fixedComponent());
      assertArrayEquals(new double[] {1}, m.thetaScaling().scale());
      // the config sets no α: the linear form's default, the quadratic's ALICES default 1
      assertEquals(
          kind == MorphingAware.Kind.LINEAR ? MorphingAware.LINEAR_ALPHA : 1.0,
          out.config().alpha());
      TrainingOutcome again =
          new MorphingAwareTrainer(small(), List.of()).train(s, Method.ALICES, spec, 5);
      assertArrayEquals(
          m.members().get(0).layers().get(0).w(),
          again.model().members().get(0).layers().get(0).w());
      Path dir = tmp.resolve(kind.name());
      ModelFolder.save(dir, out, null);
      ModelFolder.Loaded loaded = ModelFolder.load(dir);
      assertEquals(kind, loaded.model().morphingAware().kind());
      assertArrayEquals(spec.benchmarkSigma(), loaded.model().morphingAware().benchmarkSigma());
      assertEquals(m.morphingAware().form(), loaded.model().morphingAware().form());
      assertArrayEquals(m.morphingAware().reference(), loaded.model().morphingAware().reference());
      double[] theta = {-0.5, 0.7, 0.1};
      double[] x = {0.3, 1.4, 2.2};
      assertArrayEquals(
          MorphingAwareModel.of(m).predict(theta, x).logRatio(),
          loaded.morphingAwareModel().predict(theta, x).logRatio());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new RatioModel(loaded.model()));
      assertTrue(e.getMessage().contains("morphing-aware"), e.getMessage());
    }
  }
}
