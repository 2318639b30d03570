/**
 * Limits (docs/math.md §4): where log r̂ comes from (model folders, histograms), grid scans and
 * their distribution as tasks, the profile over nuisance directions, best fit, Wilks p-values and
 * 68 %/95 % intervals, and the request/result records of the {@code limits} command.
 */
package org.sbi4j.inference.limits;
