package org.sbi4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.RatioModel;

class EnsembleTest {
  @Test
  void meanAndSpreadAreThoseOfTheMembers() {
    TrainingConfig c =
        TrainingConfig.builder().hiddenLayers(List.of(8)).epochs(1).ensembleSize(3).build();
    ModelData m = new Trainer(c).train(GaussianToy.ratioSample2(400, 1), Method.RASCAL, 2).model();
    EventSample test = GaussianToy.ratioSample2(30, 3);
    double[] theta = test.column(Column.THETA0);
    Prediction all = new RatioModel(m).predict(theta, test.x());
    Prediction[] one = new Prediction[3];
    for (int k = 0; k < 3; k++) {
      ModelData single = m.withMembers(List.of(m.members().get(k)));
      one[k] = new RatioModel(single).predict(theta, test.x());
    }
    for (int i = 0; i < test.size(); i++) {
      double[] v = {one[0].logRatio()[i], one[1].logRatio()[i], one[2].logRatio()[i]};
      double mean = (v[0] + v[1] + v[2]) / 3;
      double var = 0;
      for (double x : v) {
        var += (x - mean) * (x - mean) / 3;
      }
      // Same float32 member outputs, averaged in double: agreement to double rounding.
      assertEquals(mean, all.logRatio()[i], 1e-12);
      assertEquals(Math.sqrt(var), all.logRatioStd()[i], 1e-12);
      for (int k = 0; k < 2; k++) {
        double ts =
            (one[0].score()[2 * i + k] + one[1].score()[2 * i + k] + one[2].score()[2 * i + k]) / 3;
        assertEquals(ts, all.score()[2 * i + k], 1e-12);
      }
    }
    assertTrue(all.logRatioStd()[0] > 0, "members from different seeds must differ");
  }
}
