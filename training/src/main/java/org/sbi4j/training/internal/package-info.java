/**
 * Implementation details of the training module: SameDiff graph construction with forward-mode
 * tangents, batch iteration, the gradient-clipping updater and ND4J runtime settings. Not API.
 */
package org.sbi4j.training.internal;
