/** The training losses of the estimators (docs/math.md §3), defined once for every engine. */
package org.sbi4j.training.losses;
