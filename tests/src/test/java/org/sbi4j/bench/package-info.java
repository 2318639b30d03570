/**
 * Every benchmark harness (classes named {@code *Benchmark}: a {@code main}, or a JUnit class that
 * surefire runs only when named with {@code -Dtest}); each has a script in {@code bench/}, and the
 * results go to {@code bench/results}. Here because this module depends on every other one.
 */
package org.sbi4j.bench;
