/**
 * Model folders on disk: writing and loading weights, scaling, config, loss history and provenance
 * atomically, their integrity check, and ONNX export. Layouts in docs/formats.md.
 */
package org.sbi4j.training.store;
