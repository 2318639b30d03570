/**
 * Event samples (docs/math.md §2): the {@link org.sbi4j.samples.EventSample} that flows through
 * every stage, built-in simulators with exact likelihoods, gold mining of the joint likelihood
 * ratio and joint score, unweighting, partitions and training-sample builders. No ND4J.
 */
package org.sbi4j.samples;
