/**
 * Frequentist coverage by pseudo-experiments (docs/math.md §8): toys drawn at a true parameter
 * point, q(θ_true) per toy from the likelihood under test, the fractions of toys whose 68 % and 95
 * % Wilks regions contain θ_true, and a Kolmogorov–Smirnov test of the q sample against χ²_k.
 */
package org.sbi4j.inference.coverage;
