/**
 * Standard limit setting on pyhf JSON workspaces (docs/math.md §6): {@link
 * org.sbi4j.inference.histfactory.WorkspaceJson} reads and writes workspaces, {@link
 * org.sbi4j.inference.histfactory.HistFactoryModel} is their likelihood, {@link
 * org.sbi4j.inference.histfactory.Fitter} fits it within bounds, {@link
 * org.sbi4j.inference.histfactory.AsymptoticCalculator} gives CLs and {@link
 * org.sbi4j.inference.histfactory.UpperLimit} the limits.
 */
package org.sbi4j.inference.histfactory;
