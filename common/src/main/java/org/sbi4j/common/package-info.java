/**
 * Argument validation and seed derivation shared by every stage of the pipeline.
 *
 * <p>Lives in the lowest module so that {@code samples}, {@code training}, {@code inference} and
 * {@code cli} validate inputs and derive child seeds the same way. The I/O here is generic: atomic
 * writes, SHA-256 of inputs and the build information resource.
 */
package org.sbi4j.common;
