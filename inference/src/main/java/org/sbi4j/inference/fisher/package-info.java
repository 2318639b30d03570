/**
 * Fisher information (docs/math.md §4): truth, rate, histogram and SALLY kinds, their covariance,
 * profiling and projection, and the request/result of the {@code fisher} command.
 */
package org.sbi4j.inference.fisher;
