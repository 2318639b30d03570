/**
 * HDF5 plumbing behind {@link org.sbi4j.samples.io}: a checked reader that slices large datasets
 * without loading them whole and refuses files whose headers disagree with their size, and a writer
 * producing MadMiner's dtypes (fixed 256-byte ASCII strings, int64, float64) on top of jhdf. Not
 * API.
 */
package org.sbi4j.samples.io.internal;
