/**
 * Likelihoods over θ (docs/math.md §4): the extended unbinned likelihood from a ratio estimator,
 * the binned Poisson likelihood of the histogram baseline and its binning, Asimov and observed data
 * sets, morphed events, and the exact ratio of a built-in simulator.
 */
package org.sbi4j.inference.likelihood;
