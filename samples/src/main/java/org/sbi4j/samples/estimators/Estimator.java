package org.sbi4j.samples.estimators;

import java.util.List;

/**
 * What every estimator reads and estimates over. With nuisance parameters (docs/math.md §7.4) the
 * parameter vector is θ ⊕ ν: {@link #parameters()} lists the p physics parameters followed by the m
 * nuisance parameters of {@link #nuisanceNames()}.
 */
public interface Estimator {
  /** The features it reads from an event sample, in order. */
  List<String> observables();

  /** The parameters, in order: θ, then the nuisance parameters ν of {@link #nuisanceNames()}. */
  List<String> parameters();

  /**
   * The nuisance parameters among {@link #parameters()}: its last m entries, in order (empty when
   * the estimator has none, the default).
   */
  default List<String> nuisanceNames() {
    return List.of();
  }
}
