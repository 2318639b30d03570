package org.sbi4j.training.nplm;

import java.io.Serializable;
import java.util.Arrays;
import org.sbi4j.common.InvalidValueException;

/**
 * The nuisances of an NPLM test with systematic uncertainties (docs/math.md §5.11): an optional
 * normalisation ν_N (the reference's yield scaled by e^{ν_N}) and shape nuisances ν_s whose effect
 * on the reference is {@code variation}, each with a Gaussian constraint of width σ around its
 * auxiliary measurement ν⁰ (the nominal reference sits at ν = 0).
 *
 * <p>Parameter order everywhere: ν_N first (when present), then the shape nuisances.
 *
 * @param normSigma σ_N > 0 of the normalisation, or NaN for none
 * @param shapeSigmas σ_s > 0 of each shape nuisance (one per shape of {@code variation})
 * @param variation the learned shape dependence, or null when there are no shape nuisances
 */
public record NuisanceModel(double normSigma, double[] shapeSigmas, ReferenceVariation variation)
    implements Serializable {
  public NuisanceModel {
    if (!Double.isNaN(normSigma) && !(normSigma > 0 && Double.isFinite(normSigma))) {
      throw new InvalidValueException(
          "nuisance", "norm:" + normSigma + " needs σ > 0, e.g. norm:0.05");
    }
    int shapes = variation == null ? 0 : variation.shapes();
    if (shapeSigmas.length != shapes) {
      throw new IllegalArgumentException(
          shapeSigmas.length + " shape σ for " + shapes + " learned shape variations");
    }
    for (double s : shapeSigmas) {
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new InvalidValueException(
            "nuisance", "a shape nuisance has σ = " + s + "; give σ > 0, e.g. scale:0.05");
      }
    }
    if (Double.isNaN(normSigma) && shapes == 0) {
      throw new InvalidValueException(
          "nuisance", "no nuisance given; give norm:SIGMA and/or NAME:SIGMA");
    }
    shapeSigmas = shapeSigmas.clone();
  }

  /** Only a normalisation nuisance of width σ_N. */
  public static NuisanceModel normalisation(double sigma) {
    return new NuisanceModel(sigma, new double[0], null);
  }

  @Override
  public double[] shapeSigmas() {
    return shapeSigmas.clone();
  }

  /** Whether ν_N is present. */
  public boolean hasNorm() {
    return !Double.isNaN(normSigma);
  }

  /** Number of nuisances (normalisation and shapes). */
  public int count() {
    return (hasNorm() ? 1 : 0) + shapeSigmas.length;
  }

  /** The σ of every nuisance, in parameter order. */
  public double[] sigmas() {
    double[] out = new double[count()];
    int a = 0;
    if (hasNorm()) {
      out[a++] = normSigma;
    }
    System.arraycopy(shapeSigmas, 0, out, a, shapeSigmas.length);
    return out;
  }

  @Override
  public String toString() {
    return "NuisanceModel[norm σ="
        + normSigma
        + ", shape σ="
        + Arrays.toString(shapeSigmas)
        + ", "
        + variation
        + "]";
  }
}
