/** Benchmark harnesses (main classes, not tests); results go to bench/results. */
package org.sbi4j.samples.bench;
