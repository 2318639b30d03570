/**
 * Pipeline steps of the training commands ({@code train}, {@code evaluate}, {@code export}): each
 * reads its files, calls the library once and writes its outputs, so that the CLI only parses
 * options.
 */
package org.sbi4j.training.steps;
