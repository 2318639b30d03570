package org.sbi4j.samples.estimators;

/**
 * Ensemble predictions row by row: the mean over members and their standard deviation (population,
 * 0 for a single member).
 *
 * @param logRatio mean log r̂ per row (n), or null for SALLY
 * @param logRatioStd its spread (n), or null
 * @param score mean t̂ per row, n × p row-major, in the units of θ
 * @param scoreStd its spread, n × p
 */
public record Prediction(
    double[] logRatio, double[] logRatioStd, double[] score, double[] scoreStd) {}
