package org.sbi4j.inference.likelihood;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * The unbinned extended likelihood with nuisance parameters (docs/math.md §7.5):
 *
 * <pre>log L(θ, ν) = log Pois(n | L σ(θ, ν)) + Σ_i w_i log r̂(x_i | θ ⊕ ν)</pre>
 *
 * with σ(θ, ν) from nuisance morphing of the event file and an estimator whose parameter input is θ
 * followed by ν (a ratio model trained with nuisance parameters, or the exact likelihood). The
 * ν-gradient is the Poisson term's (n/σ − L) ∂σ/∂ν plus Σ_i w_i t̂_ν(x_i | θ ⊕ ν) from the
 * estimator's score, or, with a {@link Joint} evaluation, from the tangents of log r̂ along the ν
 * inputs only (θ is held fixed in a profile fit).
 */
public final class NuisanceExtendedLikelihood implements NuisanceLikelihood {
  /** log r̂ and its derivatives along some parameter inputs in one pass (e.g. of a network). */
  @FunctionalInterface
  public interface Joint {
    /**
     * @param events the events, projected on the estimator's observables
     * @param row the parameter point θ ⊕ ν
     * @param directions indices into {@code row} whose derivatives are wanted
     * @return (1 + directions.length) × n: log r̂(x_i | row), then ∂ log r̂/∂row[directions[k]]
     */
    double[][] evaluate(EventSample events, double[] row, int[] directions);
  }

  private final RatioEstimator estimator;
  private final EventSample events;
  private final double[] weights;
  private final double count;
  private final NuisanceEvents rate;
  private final double luminosity;
  private final int p;
  private final List<String> nuisances;
  private Joint joint;

  /**
   * @param estimator log r̂(x | θ ⊕ ν), parameters = the file's θ names then its ν names
   * @param data events, weights and n
   * @param rate the event file with its nuisance morphing (σ(θ, ν))
   * @param nuisanceNames the file's nuisance parameters, in order
   * @param luminosity L in pb⁻¹
   */
  public NuisanceExtendedLikelihood(
      RatioEstimator estimator,
      Dataset data,
      NuisanceEvents rate,
      List<String> nuisanceNames,
      double luminosity) {
    List<String> theta = rate.events().setup().parameterNames();
    List<String> expected = new java.util.ArrayList<>(theta);
    expected.addAll(nuisanceNames);
    if (!estimator.parameters().equals(expected)) {
      throw new IllegalArgumentException(
          "the model's parameters "
              + estimator.parameters()
              + " differ from the event file's θ and nuisance parameters "
              + expected
              + "; use a model trained with the file's nuisance parameters, or fix them all");
    }
    this.events = Observables.project(data.events(), estimator.observables(), "the model");
    this.estimator = estimator;
    this.weights = data.weights();
    this.count = data.count();
    this.rate = rate;
    this.luminosity = Check.positive("luminosity", luminosity);
    this.p = theta.size();
    this.nuisances = List.copyOf(nuisanceNames);
  }

  /**
   * Lets a value-and-gradient evaluation take log r̂ and its ν-derivatives from one call of {@code
   * joint} (e.g. a network's forward pass with a tangent per ν input, none for θ) instead of {@link
   * RatioEstimator#logRatio} and the full {@link RatioEstimator#score}; value-only evaluations
   * still use {@link RatioEstimator#logRatio}. Returns this likelihood.
   */
  public NuisanceExtendedLikelihood withJointEvaluation(Joint joint) {
    this.joint = joint;
    return this;
  }

  @Override
  public int dimension() {
    return p;
  }

  @Override
  public List<String> nuisanceNames() {
    return nuisances;
  }

  @Override
  public double evaluate(double[] theta, double[] nu, double[] gradient) {
    int m = nu.length;
    double[] row = new double[p + m];
    System.arraycopy(theta, 0, row, 0, p);
    System.arraycopy(nu, 0, row, p, m);
    double[] dSigma = gradient == null ? null : new double[m];
    double sigma = rate.sigma(theta, nu, dSigma);
    if (!(sigma > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "σ(θ = %s, ν = %s) = %s pb is not positive: no events are expected there; restrict"
                  + " the grid to where the morphed cross section is positive",
              Arrays.toString(theta),
              Arrays.toString(nu),
              sigma));
    }
    double value = PoissonTerm.logPoisson(count, luminosity * sigma);
    double[][] tNu = null; // m × n: ∂ log r̂(x_i)/∂ν_j
    double[] logR;
    if (gradient != null && joint != null) {
      // one pass (of a network) gives log r̂ and its tangents along the ν inputs together
      int[] directions = new int[m];
      for (int j = 0; j < m; j++) {
        directions[j] = p + j;
      }
      double[][] out = joint.evaluate(events, row, directions);
      logR = out[0];
      tNu = Arrays.copyOfRange(out, 1, 1 + m);
    } else {
      logR = estimator.logRatio(events, new double[][] {row})[0];
    }
    double s = 0;
    for (int i = 0; i < logR.length; i++) {
      s += weights[i] * logR[i];
    }
    value += s;
    if (!Double.isFinite(value)) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "the model returned a non-finite log r̂ at θ ⊕ ν = %s",
              Arrays.toString(row)));
    }
    if (gradient != null) {
      if (tNu == null) {
        double[][] t = estimator.score(events, new double[][] {row})[0];
        tNu = new double[m][t.length];
        for (int i = 0; i < t.length; i++) {
          for (int j = 0; j < m; j++) {
            tNu[j][i] = t[i][p + j];
          }
        }
      }
      for (int j = 0; j < m; j++) {
        double g = (count / sigma - luminosity) * dSigma[j];
        double[] tj = tNu[j];
        for (int i = 0; i < tj.length; i++) {
          g += weights[i] * tj[i];
        }
        gradient[j] = g;
      }
    }
    return value;
  }
}
