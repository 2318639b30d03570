/** End-to-end closure tests: built-in simulators with exact likelihoods through training. */
package org.sbi4j.it;
