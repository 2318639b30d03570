/**
 * The NPLM goodness-of-fit test (docs/math.md §5): the test statistic t = −2 min L[f] on observed
 * data, its null distribution from toys drawn from the reference, a χ²_k fitted to the toys,
 * p-values (empirical and χ²_k) and significances Z = Φ⁻¹(1 − p), the symmetrized two-sample
 * variant with permutations, and the plots. Trainings come from {@code org.sbi4j.training.nplm}.
 */
package org.sbi4j.inference.nplm;
