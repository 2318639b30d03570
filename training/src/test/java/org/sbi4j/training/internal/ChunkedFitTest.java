package org.sbi4j.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.UpdateRule;
import org.sbi4j.training.listeners.LossHistory;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.simd.VectorKernel;

/**
 * Data parallelism inside one network does not change the result: the same seed gives bit-identical
 * weights and losses on 1, 2 and 3 threads (the chunks of a batch and the order their gradients are
 * added in do not depend on the thread count), for a ratio loss with a score term and for SALLY,
 * with batches of several chunks and a short last batch.
 */
class ChunkedFitTest extends SmallBatchTest {
  // 3 epochs of 700 rows in batches of 150: 3 chunks per batch (64, 64, 22), the last batch 100
  // rows (64 + 36); the validation rows 300 (4 chunks of 64 and one of 44).
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().batchSize(150).epochs(3).hiddenLayers(List.of(21, 5)).build();
  // The other update path: the gradient norms (summed over segments) clip, AMSGrad.
  private static final TrainingConfig CLIPPED =
      CONFIG.toBuilder().gradientClip(0.05).optimizer(UpdateRule.AMSGRAD).build();

  private record Run(Network weights, List<Double> losses) {}

  private static Run fit(RatioLoss loss, TrainingConfig config, int threads) {
    FusedFitter f =
        loss == null
            ? FusedFitter.score(
                Network.initial(D, List.of(21, 5), P, Activation.TANH, 71), VectorKernel.create())
            : new FusedFitter(
                Network.initial(P + D, List.of(21, 5), 1, Activation.TANH, 71),
                P,
                loss,
                1,
                10,
                VectorKernel.create());
    f.threads(threads);
    Table train =
        loss == null ? FusedFitterTest.scoreTable(700, 72) : FusedFitterTest.table(loss, 700, 72);
    Table val =
        loss == null ? FusedFitterTest.scoreTable(300, 73) : FusedFitterTest.table(loss, 300, 73);
    LossHistory history = new LossHistory();
    Network w = f.fit(train, val, config, 0, 74, List.of(history));
    List<Double> losses =
        history.reports().stream()
            .flatMap(r -> java.util.stream.Stream.of(r.trainingLoss(), r.validationLoss()))
            .toList();
    return new Run(w, losses);
  }

  @Test
  void sameWeightsOnOneTwoAndThreeThreads() {
    for (TrainingConfig config : List.of(CONFIG, CLIPPED)) {
      for (RatioLoss loss : new RatioLoss[] {RatioLoss.ALICES, null}) {
        Run one = fit(loss, config, 1);
        for (int threads : new int[] {2, 3}) {
          Run many = fit(loss, config, threads);
          String at =
              (loss == null ? "SALLY" : loss)
                  + " on "
                  + threads
                  + " threads"
                  + (config == CLIPPED ? ", clipped" : "");
          assertEquals(one.losses(), many.losses(), at);
          for (int l = 0; l < one.weights().layers().size(); l++) {
            assertArrayEquals(
                one.weights().layers().get(l).w(), many.weights().layers().get(l).w(), 0.0, at);
            assertArrayEquals(
                one.weights().layers().get(l).b(), many.weights().layers().get(l).b(), 0.0, at);
          }
        }
      }
    }
  }
}
