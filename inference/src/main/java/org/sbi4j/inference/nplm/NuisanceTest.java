package org.sbi4j.inference.nplm;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainingConfig;
import org.sbi4j.training.nplm.NuisanceFit;
import org.sbi4j.training.nplm.NuisanceModel;
import org.sbi4j.training.nplm.NuisanceTrainer;

/**
 * The NPLM test with nuisances (docs/math.md §5.11): t = τ − Δ on the observed data with the
 * observed auxiliary measurements ν⁰, and its null from K toys. Toy k draws its data with
 * derive(seed, 1, k) from the nominal reference (ν = 0), its auxiliary measurements ν⁰_a ~ N(ν_a,
 * σ_a) around the toys' true ν (0 for reference toys) with derive(seed, 3, k), and trains with
 * derive(seed, 2, k); the observed fit uses derive(seed, 0) as in {@link NplmTest}.
 */
public final class NuisanceTest {
  private NuisanceTest() {}

  /**
   * The test and the observed fit.
   *
   * @param result t = τ − Δ, its toys, χ²_k fit and p-values
   * @param observed the observed τ, Δ and ν̂
   */
  public record Outcome(NplmResult result, NuisanceFit observed) {}

  /**
   * Tests {@code observed} with auxiliary measurements {@code aux} against toys from {@code toys}
   * (the nominal reference, true ν = 0).
   */
  public static Outcome run(
      NplmProblem observed,
      ToySource toys,
      NplmTestConfig config,
      NuisanceModel model,
      double[] aux,
      TaskRunner runner) {
    if (observed.dataSize() == 0) {
      throw new IllegalArgumentException("the data sample is empty; give it events");
    }
    NuisanceTrainer.checkAuxiliary(model, aux);
    double[] nullT =
        nullDistribution(
            toys,
            config.training(),
            model,
            new double[model.count()],
            config.toys(),
            config.seed(),
            runner);
    NuisanceFit fit =
        NuisanceTrainer.train(
            observed,
            config.training().withThreads(Math.max(1, runner.parallelism())),
            model,
            aux,
            Seeds.derive(config.seed(), 0));
    return new Outcome(NplmResult.of(fit.t(), nullT, fit.tauFit().model()), fit);
  }

  /** The t = τ − Δ of K toys whose data have true nuisances {@code trueNu}, in toy order. */
  public static double[] nullDistribution(
      ToySource toys,
      NplmTrainingConfig training,
      NuisanceModel model,
      double[] trueNu,
      int count,
      long seed,
      TaskRunner runner) {
    NplmTrainingConfig single = training.withThreads(1);
    List<Long> ks = new ArrayList<>(count);
    for (long k = 0; k < count; k++) {
      ks.add(k);
    }
    List<Double> t = runner.map(ks, k -> toy(toys, single, model, trueNu, seed, k).t());
    return t.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Toy k: its data, auxiliary measurements ν⁰ ~ N(trueNu, σ) and fit. */
  public static NuisanceFit toy(
      ToySource toys,
      NplmTrainingConfig training,
      NuisanceModel model,
      double[] trueNu,
      long seed,
      long k) {
    NplmProblem problem = toys.draw(Seeds.derive(seed, 1, k));
    return NuisanceTrainer.train(
        problem,
        training,
        model,
        auxiliary(model, trueNu, Seeds.derive(seed, 3, k)),
        Seeds.derive(seed, 2, k));
  }

  /** Auxiliary measurements ν⁰_a ~ N(trueNu_a, σ_a). */
  static double[] auxiliary(NuisanceModel model, double[] trueNu, long seed) {
    ZigguratSampler.NormalizedGaussian g =
        ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    double[] sigma = model.sigmas();
    double[] out = new double[sigma.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = trueNu[a] + sigma[a] * g.sample();
    }
    return out;
  }
}
