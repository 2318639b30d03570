/**
 * CWoLa hunting (classification without labels, docs/math.md §5.10): a classifier trained to tell a
 * signal region of a resonant variable from its sidebands, k-folded, selects events whose resonant
 * variable is then bump-hunted.
 */
package org.sbi4j.inference.cwola;
