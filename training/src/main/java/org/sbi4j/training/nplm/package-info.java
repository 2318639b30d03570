/**
 * NPLM f(x) networks and their training (docs/math.md §5): the network shape and its flat parameter
 * layout, the loss L[f] = Σ_R w_R (e^{f} − 1) − Σ_D w_D f with its gradient on two engines (a fused
 * plain-Java kernel for small dense networks and ND4J/SameDiff for the general path), Adam with
 * weight clipping, and a projected L-BFGS fast mode with the clipping box as bounds.
 *
 * <p>Entry point: {@link org.sbi4j.training.nplm.NplmTrainer#train}. Everything is float64 and
 * deterministic for a given seed, whichever engine and thread count runs it.
 */
package org.sbi4j.training.nplm;
