/** Helpers of the inference package that are not API. */
package org.sbi4j.inference.internal;
