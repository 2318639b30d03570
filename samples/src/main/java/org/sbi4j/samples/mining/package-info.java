/**
 * Gold mining (docs/math.md §2): per-event dσ_e(θ), the joint likelihood ratio r(x,z|θ0,θ1) and
 * joint score t(x,z|θ) from benchmark weights, streamed in chunks; MadMiner's sampling factors;
 * train/validation/test partitions; unweighting at parameter points drawn from priors; and the
 * SALLY and ratio training samples built from them.
 */
package org.sbi4j.samples.mining;
