package org.sbi4j.training.nplm;

/**
 * A Nyström kernel f(x) = Σ_j α_j exp(−‖x' − c_j‖² / (2σ²)) with x' the standardised x.
 *
 * @param centers M × d centres c_j (standardised units), row-major
 * @param alpha M coefficients α_j
 * @param sigma the Gaussian width σ > 0
 * @param input the standardisation applied to raw x
 */
public record KernelModel(double[] centers, double[] alpha, double sigma, Standardization input)
    implements NplmModel {
  public KernelModel {
    int d = input.dimension();
    if (centers.length != alpha.length * d || alpha.length == 0 || !(sigma > 0)) {
      throw new IllegalArgumentException(
          "a kernel model needs M × d centres, M coefficients and σ > 0, got "
              + centers.length
              + " values, "
              + alpha.length
              + " coefficients, σ = "
              + sigma);
    }
    centers = centers.clone();
    alpha = alpha.clone();
  }

  @Override
  public double[] centers() {
    return centers.clone();
  }

  @Override
  public double[] alpha() {
    return alpha.clone();
  }

  @Override
  public int dimension() {
    return input.dimension();
  }

  @Override
  public double[] evaluate(double[] raw) {
    double[] x = input.apply(raw);
    int d = input.dimension();
    int n = x.length / d;
    int m = alpha.length;
    double g = 1 / (2 * sigma * sigma);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double f = 0;
      for (int j = 0; j < m; j++) {
        f += alpha[j] * Math.exp(-g * KernelMatrix.squaredDistance(x, i, centers, j, d));
      }
      out[i] = f;
    }
    return out;
  }
}
