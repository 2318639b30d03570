package org.sbi4j.morphing;

import java.util.Arrays;
import org.sbi4j.common.Check;

/**
 * A named parameter point θ_b at which events are generated or reweighted.
 *
 * @param name unique, non-blank name
 * @param theta parameter values, one per parameter, finite
 */
public record Benchmark(String name, double[] theta) {
  public Benchmark {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("benchmark name is blank; give every benchmark a name");
    }
    Check.finite("benchmark '" + name + "' theta", theta);
    theta = theta.clone();
  }

  @Override
  public double[] theta() {
    return theta.clone();
  }

  /** Parameter {@code i} of this benchmark, without copying. */
  public double theta(int i) {
    return theta[i];
  }

  /** Number of parameters. */
  public int size() {
    return theta.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Benchmark b && b.name.equals(name) && Arrays.equals(b.theta, theta);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(theta);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(theta);
  }
}
