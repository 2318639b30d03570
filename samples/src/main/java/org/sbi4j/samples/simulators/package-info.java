/**
 * Built-in simulators with exact likelihoods: toy processes whose differential cross section is a
 * polynomial in θ (so morphing is exact), with detector smearing, exposing log p(x|θ), the score ∇θ
 * log p(x|θ) and σ(θ) in closed form (or machine-precision quadrature) so that every later stage
 * can be tested against the truth. {@link org.sbi4j.samples.simulators.Simulators} finds them by
 * name.
 */
package org.sbi4j.samples.simulators;
