/**
 * Training listeners: cross-cutting concerns kept out of the trainer (progress lines, the loss
 * history, early stopping with restoration of the best weights). The trainer calls every listener
 * after each epoch and once at the end.
 */
package org.sbi4j.training.listeners;
