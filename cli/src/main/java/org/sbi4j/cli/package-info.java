/**
 * The command line ({@code bin/sbi4j COMMAND}): picocli commands that parse options, build a config
 * and call one library method each. No maths here. Exit codes: 0 success, 2 bad input (one line on
 * stderr naming the problem and the fix), 1 internal failure.
 */
package org.sbi4j.cli;
