/**
 * Diagnostics of trained ratio models (docs/math.md §10): ratio closure with Monte Carlo errors,
 * the classifier view (weighted ROC curves, AUC, reliability of ŝ = 1/(1 + r̂)), the spread of
 * ensemble members, and CARL's histogram calibration of r̂; the request/result records of the
 * {@code diagnose} command and its plots.
 */
package org.sbi4j.inference.diagnostics;
