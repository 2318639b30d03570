/** Benchmark harnesses that need the whole stack (Spark runner vs local runner). */
package org.sbi4j.it.bench;
