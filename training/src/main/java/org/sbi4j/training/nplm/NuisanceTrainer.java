package org.sbi4j.training.nplm;

import org.sbi4j.common.InvalidValueException;

/**
 * NPLM with nuisance parameters (D'Agnolo, Grosso, Pierini, Wulzer, Zanetti; docs/math.md §5.11):
 * the alternative is n(x|w, ν) = e^{f(x; w)} e^{ℓ(x; ν)} n(x|R_0), the null n(x|ν) = e^{ℓ(x; ν)}
 * n(x|R_0), with Gaussian constraints on ν, and
 *
 * <p>τ = −2 min_{w, ν} L(w, ν), Δ = −2 min_ν L(0, ν), t = τ − Δ,
 *
 * <p>L(w, ν) = Σ_R w_R (e^{f + ℓ} − 1) − Σ_D w_D (f + ℓ) + ½ Σ_a [(ν_a − ν⁰_a)² − (ν⁰_a)²]/σ_a².
 *
 * <p>τ is minimised over the network weights w with ν profiled at every evaluation: L_p(w) = min_ν
 * L(w, ν) by Newton steps in ν, and ∇_w L_p = ∇_w L(w, ν̂) (the envelope theorem), which is the
 * gradient of the plain NPLM loss with reference weights w_R e^{ℓ(x; ν̂)}. So the network's
 * optimisers (Adam, fast mode) run unchanged on L_p; the fast mode's multi-start phase runs on the
 * plain loss with the reference reweighted to Δ's ν̂ (cheap), its screening and polish on L_p.
 */
public final class NuisanceTrainer {
  private NuisanceTrainer() {}

  /**
   * Fits τ and Δ on {@code problem} (raw x).
   *
   * @param aux the auxiliary measurements ν⁰, in {@link NuisanceModel} order
   */
  public static NuisanceFit train(
      NplmProblem problem,
      NplmTrainingConfig config,
      NuisanceModel model,
      double[] aux,
      long seed) {
    if (config.kernel() != null) {
      throw new InvalidValueException(
          "nuisance",
          "nuisances are implemented for the network model only; use the network model or give"
              + " no nuisances");
    }
    checkAuxiliary(model, aux);
    NetworkShape shape = config.network();
    String mismatch = shape.inputMismatch(problem);
    if (mismatch != null) {
      throw new IllegalArgumentException(
          mismatch + "; give a network starting with " + problem.dimension());
    }
    NuisanceProfile profile = new NuisanceProfile(problem, model);
    double[] nuDelta = new double[model.count()];
    double delta = -2 * profile.minimize(null, null, nuDelta, aux);
    Standardization input =
        config.standardize()
            ? Standardization.of(problem)
            : Standardization.identity(problem.dimension());
    NplmProblem p = input.apply(problem);
    NplmProblem own =
        new NplmProblem(
            p.dimension(), p.reference(), p.referenceWeights().clone(), p.data(), p.dataWeights());
    try (FusedLoss fused = new FusedLoss(shape, own, config.threads())) {
      Profiled objective = new Profiled(shape, own, profile, fused, nuDelta.clone(), aux);
      NplmFit fit;
      double[] x = shape.initialParameters(seed);
      if (config.optimizer() == NplmOptimizer.ADAM) {
        Adam.withLearningRate(config.learningRate())
            .minimize(objective, x, config.lowerBounds(), config.upperBounds(), config.epochs());
        fit = new NplmFit(new NplmNetwork(shape, x), Double.NaN, config.epochs(), 0);
      } else {
        // starts on the plain loss at the null's ν̂ (cheap), screening and polish on L_p
        NplmProblem starts =
            new NplmProblem(
                p.dimension(),
                p.reference(),
                profile.referenceWeights(nuDelta),
                p.data(),
                p.dataWeights());
        fit = FastTrainer.train(p, config, seed, objective, starts);
        x = fit.network().parameters();
      }
      // the final loss and ν̂ at the returned weights
      double loss = objective.valueAndGradient(x, new double[x.length]);
      NplmFit tau =
          new NplmFit(new NplmNetwork(shape, x, input), loss, fit.iterations(), fit.evaluations());
      return new NuisanceFit(tau, delta, objective.nu, nuDelta);
    }
  }

  /**
   * Refuses auxiliary measurements of the wrong count or more than 100σ from the nominal reference
   * (where the constraint term would overflow the loss).
   */
  public static void checkAuxiliary(NuisanceModel model, double[] aux) {
    if (aux.length != model.count()) {
      throw new IllegalArgumentException(aux.length + " auxiliary values for " + model.count());
    }
    double[] sigma = model.sigmas();
    for (int a = 0; a < aux.length; a++) {
      if (!(Math.abs(aux[a]) <= 100 * sigma[a])) {
        throw new InvalidValueException(
            "auxiliary",
            "auxiliary measurement "
                + aux[a]
                + " of nuisance "
                + a
                + " is more than 100σ (σ = "
                + sigma[a]
                + ") from the nominal reference; give a value near 0 in the units of σ");
      }
    }
  }

  /** L_p(w) = min_ν L(w, ν) and its gradient in w. */
  private static final class Profiled implements Objective {
    private final NetworkShape shape;
    private final NplmProblem problem;
    private final NuisanceProfile profile;
    private final FusedLoss fused;
    private final double[] aux;
    final double[] nu;

    Profiled(
        NetworkShape shape,
        NplmProblem problem,
        NuisanceProfile profile,
        FusedLoss fused,
        double[] nu,
        double[] aux) {
      this.shape = shape;
      this.problem = problem;
      this.profile = profile;
      this.fused = fused;
      this.nu = nu;
      this.aux = aux;
    }

    @Override
    public double valueAndGradient(double[] w, double[] gradient) {
      NplmNetwork net = new NplmNetwork(shape, w);
      double[] fR = net.evaluate(problem.reference());
      double[] fD = net.evaluate(problem.data());
      double value = profile.minimize(fR, fD, nu, aux);
      fused.setReferenceWeights(profile.referenceWeights(nu));
      fused.valueAndGradient(w, gradient);
      return value;
    }
  }
}
