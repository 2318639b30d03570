package org.sbi4j.morphing;

import java.util.List;
import org.sbi4j.common.Check;

/**
 * What {@code sbi4j morphing} reports (docs/cli.md): its JSON keys are the component names.
 *
 * @param parameters parameter names
 * @param components components × parameters exponents
 * @param benchmarks benchmark names, one per basis row
 * @param basis benchmarks × parameters
 * @param conditionNumber cond(M)
 * @param meanSquaredWeight mean of Σ_b w_b(θ)² over θ ~ U(ranges)
 * @param theta the point of the weights
 * @param weights w_b(θ), one per benchmark
 * @param weightGradients ∂w_b/∂θ_i, parameters × benchmarks
 */
public record MorphingReport(
    List<String> parameters,
    int[][] components,
    List<String> benchmarks,
    double[][] basis,
    double conditionNumber,
    double meanSquaredWeight,
    double[] theta,
    double[] weights,
    double[][] weightGradients) {
  public MorphingReport {
    parameters = List.copyOf(parameters);
    benchmarks = List.copyOf(benchmarks);
    components = Check.copy(components);
    basis = Check.copy(basis);
    theta = theta.clone();
    weights = weights.clone();
    weightGradients = Check.copy(weightGradients);
  }

  @Override
  public int[][] components() {
    return Check.copy(components);
  }

  @Override
  public double[][] basis() {
    return Check.copy(basis);
  }

  @Override
  public double[] theta() {
    return theta.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double[][] weightGradients() {
    return Check.copy(weightGradients);
  }
}
