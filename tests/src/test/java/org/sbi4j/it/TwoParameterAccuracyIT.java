package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.samples.EventSource;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;

/**
 * Issue 4, 2-parameter simulator: ALICES beats the 2D histogram of two observables in E[(log r̂ −
 * log r)²] over x ~ p(x|θ1 = (0, 0)), θ0 ~ U([−1, 1]²) on interference-2d. Both estimators see the
 * same 80k training-partition events: ALICES 40k ratio rows drawn from them (θ0 at 500 uniform
 * points; 2 × 64 tanh, 20 epochs, lr 3e−3 → 1e−4, gradient clip 0.1 as in configs/train-gold.yaml),
 * the histogram (the inference module's baseline with its default binning, 12 × 12 bins of (x_E,
 * x_cos) with equal content at θ = 0) all of them reweighted by the morphing.
 *
 * <p>Measured (2026-11-23, unclipped, {@link TwoParameterBenchmark}, three seeds of events, θ0
 * points and training): E[(log r)²] = 1.44; ALICES 0.054, 0.053, 0.054; histogram 12 × 12
 * 0.099–0.100. The histogram's best binning, chosen with hindsight against the truth (40 × 40),
 * reaches 0.055–0.057 and 1M events bring it down to 0.040 only (100 × 100): x_sin, which it does
 * not see, carries information on cos²φ. The bound ALICES < 0.75 × histogram leaves 40 % headroom
 * over the measured ratio 0.54 for seeds and platforms while still requiring a clear win. On
 * today's code (fused engine, chunked unweighting) this test's seeds give ALICES 0.0636 unclipped
 * and 0.0521 with the clip (histogram 0.1002): ratio 0.52.
 */
class TwoParameterAccuracyIT {
  @Test
  void alicesBeatsTheTwoDimensionalHistogram() {
    EventSource events = TwoParameterAccuracy.events(80_000 * 5 / 3, 21);
    TwoParameterAccuracy.TestPairs test = TwoParameterAccuracy.TestPairs.draw(10_000, 22);
    TrainingConfig config = EstimatorAccuracy.fullSizeConfig().gradientClip(0.1).build();
    double alices =
        test.mse(
            new Trainer(config)
                .train(
                    TwoParameterAccuracy.ratioSample(events, 40_000, 500, 23), Method.ALICES, 24));
    double histogram = test.mse(TwoParameterAccuracy.histogram(events, BinningSpec.adaptive(2)));
    System.out.printf(
        "interference-2d: E[(log r)²] %.5f, ALICES MSE %.5f, histogram MSE %.5f%n",
        test.scale(), alices, histogram);
    assertTrue(
        alices < 0.75 * histogram,
        "ALICES MSE " + alices + " must be below 0.75 × the histogram's " + histogram);
  }
}
