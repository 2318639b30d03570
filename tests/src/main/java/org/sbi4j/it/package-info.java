/**
 * End-to-end tests (in {@code src/test}): built-in toys with exact likelihoods through mining,
 * training and limits, compared with the truth; the quickstart; the example configs.
 */
package org.sbi4j.it;
