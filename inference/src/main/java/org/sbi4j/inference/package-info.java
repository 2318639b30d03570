/**
 * Inference (MATH.md §4 and §5): extended likelihood, grid scans and profiling, expected and
 * observed limits, the histogram baseline, Fisher information, NPLM calibration, and plots.
 */
package org.sbi4j.inference;
