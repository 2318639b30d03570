/**
 * Inference (docs/math.md §4 and §5). Sub-packages: {@code likelihood}, {@code limits}, {@code
 * fisher}, {@code nplm} (the NPLM test) and {@code plot}.
 */
package org.sbi4j.inference;
