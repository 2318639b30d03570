/**
 * {@code sbi4j quickstart}: runs each stage of the pipeline on the built-in toy in turn, each stage
 * a {@link org.sbi4j.cli.quickstart.Stage} in its own class, and writes a report.
 */
package org.sbi4j.cli.quickstart;
