/**
 * Pipeline steps of the samples stage (file-level entry points), one per CLI command ({@code
 * simulate}, {@code mine}, {@code augment}): each reads its inputs, calls the library and writes
 * its outputs atomically, returning a record that becomes the command's JSON result.
 */
package org.sbi4j.samples.steps;
