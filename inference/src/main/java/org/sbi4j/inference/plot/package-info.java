/**
 * Plots written as PNG and SVG from one Java2D drawing: lines, markers, step histograms, heat maps
 * and contour lines (marching squares). Headless; files are written atomically.
 */
package org.sbi4j.inference.plot;
