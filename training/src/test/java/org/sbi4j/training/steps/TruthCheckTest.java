package org.sbi4j.training.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;

class TruthCheckTest {
  private static final Simulator SIM = Simulators.INTERFERENCE_1D.create();

  /** The simulator's exact log r, shifted by {@code offset}. */
  private static RatioEstimator exact(double offset) {
    return new RatioEstimator() {
      public List<String> observables() {
        return SIM.observables();
      }

      public List<String> parameters() {
        return SIM.setup().parameterNames();
      }

      public double[][] logRatio(EventSample events, double[][] thetas) {
        double[][] out = new double[thetas.length][events.size()];
        for (int j = 0; j < thetas.length; j++) {
          for (int i = 0; i < events.size(); i++) {
            out[j][i] = SIM.logRatio(events.xRow(i), thetas[j], new double[] {0}) + offset;
          }
        }
        return out;
      }

      public double[][][] score(EventSample events, double[][] thetas) {
        throw new IllegalStateException("not used");
      }

      public double[][] thetaRange() {
        return null;
      }
    };
  }

  @Test
  void anExactEstimatorHasZeroErrorAndAShiftedOneItsSquare() {
    TruthCheck.Agreement a = TruthCheck.logRatio(exact(0), SIM, new double[][] {{-1, 1}}, 200, 1);
    assertEquals(0, a.mse(), 0);
    assertEquals(1, a.correlation(), 1e-12);
    TruthCheck.Agreement b = TruthCheck.logRatio(exact(0.1), SIM, new double[][] {{-1, 1}}, 200, 1);
    // A constant shift of 0.1 gives MSE 0.01 exactly (up to rounding) and leaves ρ = 1.
    assertEquals(0.01, b.mse(), 1e-12);
    assertEquals(1, b.correlation(), 1e-12);
  }

  @Test
  void scoreAgreementOfTheExactScore() {
    ScoreEstimator s =
        new ScoreEstimator() {
          public List<String> observables() {
            return SIM.observables();
          }

          public List<String> parameters() {
            return SIM.setup().parameterNames();
          }

          public double[][] score(EventSample events) {
            double[][] out = new double[events.size()][];
            for (int i = 0; i < out.length; i++) {
              out[i] = new double[] {-SIM.score(events.xRow(i), new double[] {0})[0]};
            }
            return out;
          }
        };
    // t̂ = −t: correlation exactly −1.
    assertEquals(-1, TruthCheck.score(s, SIM, 300, 2).correlation(), 1e-12);
  }
}
