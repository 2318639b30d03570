/**
 * The shared test kit, used with test scope by every module above {@code samples}: closed-form
 * toys, fixtures, naive oracles, assertions and benchmark helpers. Not part of the product.
 */
package org.sbi4j.testing;
