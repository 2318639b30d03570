package org.sbi4j.morphing;

import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.Check;

/**
 * Enumerates the morphing components: exponent vectors k_c with k_ci ≤ maxPower_i and Σ_i k_ci ≤
 * maxOverallPower.
 *
 * <p>The order is MadMiner's ({@code PhysicsMorpher.find_components}): {@code itertools.product}
 * over the per-parameter powers 0..maxPower_i, the last parameter varying fastest, keeping the
 * vectors whose total power does not exceed the overall maximum. With no per-parameter limit
 * binding there are C(n+P, P) of them.
 */
public final class Components {
  private Components() {}

  /**
   * @param maxPowers per-parameter maximum powers (length n ≥ 1, entries ≥ 0)
   * @param maxOverallPower maximum total power P ≥ 0
   * @return components × parameters exponents, in MadMiner's order
   */
  public static int[][] enumerate(int[] maxPowers, int maxOverallPower) {
    if (maxPowers == null || maxPowers.length == 0) {
      throw new IllegalArgumentException("no parameters: morphing needs at least one parameter");
    }
    for (int i = 0; i < maxPowers.length; i++) {
      Check.nonNegative("maxPower of parameter " + i, maxPowers[i]);
    }
    Check.nonNegative("maxOverallPower", maxOverallPower);
    List<int[]> out = new ArrayList<>();
    int[] k = new int[maxPowers.length];
    while (true) {
      int total = 0;
      for (int v : k) {
        total += v;
      }
      if (total <= maxOverallPower) {
        out.add(k.clone());
      }
      int i = k.length - 1;
      while (i >= 0 && k[i] == maxPowers[i]) {
        k[i] = 0;
        i--;
      }
      if (i < 0) {
        break;
      }
      k[i]++;
    }
    return out.toArray(new int[0][]);
  }

  /** Components for {@code parameters} with their own maximum powers. */
  public static int[][] enumerate(List<Parameter> parameters, int maxOverallPower) {
    int[] powers = new int[parameters.size()];
    for (int i = 0; i < powers.length; i++) {
      powers[i] = parameters.get(i).maxPower();
    }
    return enumerate(powers, maxOverallPower);
  }

  /** m_c(θ) = Π_i θ_i^{k_ci} for one component (0^0 = 1). */
  public static double value(int[] k, double[] theta) {
    double m = 1.0;
    for (int i = 0; i < k.length; i++) {
      m *= power(theta[i], k[i]);
    }
    return m;
  }

  /** ∂m_c/∂θ_i = k_ci θ_i^{k_ci − 1} Π_{j≠i} θ_j^{k_cj}. */
  public static double derivative(int[] k, double[] theta, int i) {
    if (k[i] == 0) {
      return 0.0;
    }
    double m = k[i] * power(theta[i], k[i] - 1);
    for (int j = 0; j < k.length; j++) {
      if (j != i) {
        m *= power(theta[j], k[j]);
      }
    }
    return m;
  }

  private static double power(double x, int n) {
    double r = 1.0;
    for (int e = 0; e < n; e++) {
      r *= x;
    }
    return r;
  }
}
