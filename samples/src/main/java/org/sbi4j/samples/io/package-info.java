/**
 * Files: MadMiner's HDF5 event-file layout, training-sample files, LHE and CSV import, YAML setups
 * and configs, and atomic output (write to a temporary name, then rename).
 */
package org.sbi4j.samples.io;
