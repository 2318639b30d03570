package org.sbi4j.inference.fisher;

import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.Check;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * Fisher information from a trained ratio model (docs/math.md §4): the score of a parameterised
 * ratio estimator at θ is t̂(x|θ) = ∇_θ log r̂(x|θ, θ_ref), so
 *
 * <pre>I_ij(θ) = L σ(θ) E[t̂_i(x|θ) t̂_j(x|θ) | θ] + L ∂_iσ ∂_jσ / σ,</pre>
 *
 * the expectation the dσ_e(θ)-weighted mean over the test events, as for SALLY but with the score
 * taken at θ itself. For an ensemble of K members every member gives its own I^(k); the result is
 * their mean Ī and the covariance of that mean, Cov(Ī)_(ij),(kl) = Σ_k (I^(k)_ij − Ī_ij)(I^(k)_kl −
 * Ī_kl) / (K(K − 1)), which shrinks as 1/K.
 */
public final class ModelFisher {
  private ModelFisher() {}

  /**
   * The ensemble's information.
   *
   * @param mean Ī, the mean of the members' matrices (for one member, its matrix)
   * @param members I^(k), one p × p matrix per member
   * @param covariance Cov(Ī), p² × p² with row and column index i·p + j; null for one member
   */
  public record Ensemble(FisherMatrix mean, List<double[][]> members, double[][] covariance) {
    public Ensemble {
      members = members.stream().map(Check::copy).toList();
      covariance = covariance == null ? null : Check.copy(covariance);
    }

    @Override
    public List<double[][]> members() {
      return members.stream().map(Check::copy).toList();
    }

    @Override
    public double[][] covariance() {
      return covariance == null ? null : Check.copy(covariance);
    }
  }

  /**
   * The information of one estimator (an ensemble's mean t̂ when it is one).
   *
   * @param rate the events defining σ(θ) (the event file)
   * @param test the events the model is applied to (the test partition)
   */
  public static FisherMatrix ratio(
      MorphedEvents rate,
      MorphedEvents test,
      RatioEstimator model,
      double[] theta,
      double luminosity) {
    if (!model.parameters().equals(rate.setup().parameterNames())) {
      throw new IllegalArgumentException(
          "the ratio model's parameters "
              + model.parameters()
              + " differ from the event file's "
              + rate.setup().parameterNames()
              + "; use the event file the model was trained on");
    }
    double[][] score = model.score(test.sample(), new double[][] {theta})[0];
    return new FisherMatrix(
        rate.setup().parameterNames(),
        FisherInformation.expectedOuter(rate, test, score, theta, luminosity),
        List.of());
  }

  /**
   * Every member's information, their mean and its covariance. A model that is not a trained {@link
   * RatioModel} counts as one member.
   */
  public static Ensemble ensemble(
      MorphedEvents rate,
      MorphedEvents test,
      RatioEstimator model,
      double[] theta,
      double luminosity) {
    List<RatioEstimator> members = model.members();
    List<double[][]> infos = new ArrayList<>();
    for (RatioEstimator member : members) {
      infos.add(ratio(rate, test, member, theta, luminosity).matrix());
    }
    int p = rate.setup().parameterNames().size();
    int k = infos.size();
    double[][] mean = new double[p][p];
    for (double[][] info : infos) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          mean[i][j] += info[i][j] / k;
        }
      }
    }
    double[][] cov = null;
    if (k > 1) {
      cov = new double[p * p][p * p];
      for (double[][] info : infos) {
        for (int a = 0; a < p * p; a++) {
          double da = info[a / p][a % p] - mean[a / p][a % p];
          for (int b = 0; b < p * p; b++) {
            cov[a][b] += da * (info[b / p][b % p] - mean[b / p][b % p]) / ((double) k * (k - 1));
          }
        }
      }
    }
    return new Ensemble(
        new FisherMatrix(rate.setup().parameterNames(), mean, List.of()), infos, cov);
  }
}
