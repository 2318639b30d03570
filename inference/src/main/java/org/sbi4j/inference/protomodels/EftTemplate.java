package org.sbi4j.inference.protomodels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;

/**
 * The prediction of one analysis's regions as a function of EFT operator coefficients θ, by
 * morphing (docs/math.md §9.2): visible cross sections y_br (fb) per region r at the basis points
 * (benchmarks) b of a morphing setup, Y_r(θ) = Σ_b w_b(θ) y_br with the morphing weights w_b of
 * {@link Morpher}. The signal is the change from the Standard Model, Y_r(θ) − Y_r(0), since the SM
 * is part of the analysis's background.
 */
public final class EftTemplate {
  private final MorphingSetup setup;
  private final Morpher morpher;
  private final double[][] yields;
  private final double[] standardModel;

  /**
   * @param setup the morphing setup: its parameters are the template's operators
   * @param yields [benchmark][region] visible cross sections (fb), one row per benchmark of {@code
   *     setup}
   * @throws InvalidValueException when the shapes disagree or the basis cannot morph the setup's
   *     components
   */
  public EftTemplate(MorphingSetup setup, double[][] yields) {
    this.setup = java.util.Objects.requireNonNull(setup, "setup");
    if (yields.length != setup.benchmarks().size()) {
      throw new InvalidValueException(
          "templates.yields",
          String.format(
              Locale.ROOT,
              "needs one row per benchmark (%d), got %d",
              setup.benchmarks().size(),
              yields.length));
    }
    if (yields.length == 0) {
      throw new InvalidValueException("templates.benchmarks", "a template needs benchmarks");
    }
    Check.rectangular("templates.yields", yields, yields[0].length);
    if (yields[0].length == 0) {
      throw new InvalidValueException("templates.yields", "needs at least one region");
    }
    Check.finite("templates.yields", yields);
    try {
      this.morpher = setup.morpher();
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("templates.benchmarks", e.getMessage());
    }
    this.yields = Check.copy(yields);
    this.standardModel = yields(new double[setup.parameters().size()]);
  }

  /**
   * A template over {@code operators} with components of total power ≤ {@code maxOverallPower}
   * (each operator at most its own maxPower).
   *
   * @param thetas [benchmark][operator] coefficients of the basis points
   */
  public static EftTemplate of(
      List<Parameter> operators, int maxOverallPower, double[][] thetas, double[][] yields) {
    List<Benchmark> benchmarks = new ArrayList<>();
    for (int b = 0; b < thetas.length; b++) {
      benchmarks.add(new Benchmark("b" + b, thetas[b]));
    }
    return new EftTemplate(MorphingSetup.of(operators, benchmarks, maxOverallPower), yields);
  }

  /** The morphing setup. */
  public MorphingSetup setup() {
    return setup;
  }

  /** The operators' names, in the order of θ. */
  public List<String> operators() {
    return setup.parameterNames();
  }

  /** [benchmark][region] visible cross sections (a copy). */
  public double[][] yields() {
    return Check.copy(yields);
  }

  /** Number of regions. */
  public int regions() {
    return yields[0].length;
  }

  /** Y_r(θ) = Σ_b w_b(θ) y_br, one value per region (fb). */
  public double[] yields(double[] theta) {
    double[] w = morpher.weights(theta);
    double[] out = new double[regions()];
    for (int b = 0; b < w.length; b++) {
      for (int r = 0; r < out.length; r++) {
        out[r] += w[b] * yields[b][r];
      }
    }
    return out;
  }

  /** Adds {@code weight} × (Y_r(θ) − Y_r(0)) to {@code out}, region by region. */
  void accumulate(double[] theta, double weight, double[] out) {
    double[] y = yields(theta);
    for (int r = 0; r < out.length; r++) {
      out[r] += weight * (y[r] - standardModel[r]);
    }
  }
}
