/**
 * A trained network and what it estimates: the weights ({@link org.sbi4j.training.model.Network}),
 * the input standardisation ({@link org.sbi4j.training.model.Scaling}), the method, the ensemble
 * ({@link org.sbi4j.training.model.ModelData}), and the estimators built on them ({@link
 * org.sbi4j.training.model.RatioModel}, {@link org.sbi4j.training.model.ScoreModel}). See
 * docs/math.md §3.
 */
package org.sbi4j.training.model;
