/**
 * EFT morphing (docs/math.md §1): parameters and their ranges, the polynomial components of the
 * differential cross section, benchmarks, the morphing matrix, morphing weights and their
 * θ-gradients, and basis optimisation.
 *
 * <p>For a process whose amplitude is linear in the couplings, dσ(x|θ) = Σ_c m_c(θ) α_c(x) with
 * m_c(θ) = Π_i θ_i^{k_ci}; given benchmarks θ_b, dσ(x|θ) = Σ_b w_b(θ) dσ(x|θ_b). See Brehmer,
 * Kling, Espejo, Cranmer, "MadMiner" (Comput. Softw. Big Sci. 4 (2020) 3), section 2.2. Plain Java
 * and Commons Math; no I/O.
 */
package org.sbi4j.morphing;
