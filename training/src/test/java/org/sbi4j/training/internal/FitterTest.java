package org.sbi4j.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;

class FitterTest {
  @Test
  void clippingRescalesOnlyGradientsAboveTheBound() {
    GradientUpdater<?> u =
        new ClippingUpdater(new Sgd(1.0), 1.0).instantiate((INDArray) null, false);
    INDArray big = Nd4j.create(new double[] {3, 4}, new long[] {2}, DataType.DOUBLE);
    u.applyUpdater(big, 0, 0);
    // ‖(3, 4)‖ = 5 > 1: rescaled to (0.6, 0.8); SGD with lr 1 leaves it so.
    assertArrayEquals(new double[] {0.6, 0.8}, big.toDoubleVector(), 1e-15);
    INDArray small = Nd4j.create(new double[] {0.3, 0.4}, new long[] {2}, DataType.DOUBLE);
    u.applyUpdater(small, 0, 0);
    assertArrayEquals(new double[] {0.3, 0.4}, small.toDoubleVector(), 1e-15);
  }

  /** SGD that records the epoch SameDiff reports with every update. */
  private static final class EpochSpy extends Sgd {
    private static final long serialVersionUID = 1L;
    final transient List<Integer> epochs = new ArrayList<>();

    EpochSpy() {
      super(1e-3);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
      epochs.add(epoch);
      return super.getLearningRate(iteration, epoch);
    }
  }

  @Test
  void sameDiffAdvancesTheEpochSoTheLearningRateScheduleDecays() {
    Network net = Network.initial(2, List.of(4), 1, Activation.TANH, 1);
    SameDiff sd = Graphs.score(net, DataType.FLOAT, true);
    EpochSpy spy = new EpochSpy();
    Table t = new Table(8).put(Graphs.INPUT, new double[16], 2).put(Graphs.T, new double[8], 1);
    BatchIterator it = new BatchIterator(t, 8, DataType.FLOAT, 1);
    sd.setTrainingConfig(
        org.nd4j.autodiff.samediff.TrainingConfig.builder()
            .updater(spy)
            .dataSetFeatureMapping(it.featureNames())
            .dataSetLabelMapping(it.labelNames())
            .build());
    Nd4jRuntime.createGradients(sd);
    for (int e = 0; e < 3; e++) {
      it.reset();
      sd.fit(it, 1);
    }
    // One batch per epoch, 4 variables updated per batch: epochs 0, 1, 2 in turn. Fitter's
    // ExponentialSchedule(EPOCH) relies on exactly this.
    assertEquals(List.of(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2), spy.epochs);
  }
}
