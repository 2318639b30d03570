/**
 * What a likelihood needs from an estimator, free of any network code: {@link
 * org.sbi4j.samples.estimators.RatioEstimator} (log r̂ and t̂ on a θ grid), {@link
 * org.sbi4j.samples.estimators.ScoreEstimator} (t̂ at a reference point) and the ensemble {@link
 * org.sbi4j.samples.estimators.Prediction}. Trained models (training module), exact likelihoods of
 * the built-in simulators and histograms all implement them, so inference never needs ND4J.
 */
package org.sbi4j.samples.estimators;
