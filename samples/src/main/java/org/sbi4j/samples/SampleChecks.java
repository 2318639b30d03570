package org.sbi4j.samples;

import java.util.List;
import java.util.Locale;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Nuisances;

/**
 * The input checks and array helpers behind {@link EventSample}: each check throws an {@link
 * IllegalArgumentException} whose message names the offending event, benchmark or column and how to
 * fix it, and the helpers copy flat row-major arrays (gathering rows, flattening a matrix). Kept
 * apart so that {@link EventSample} holds only the sample's state and accessors.
 */
final class SampleChecks {
  private SampleChecks() {}

  /** Checks the features of {@link EventSample#ofFeatures}; returns the number of events. */
  static int featureRows(List<String> names, double[] x) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a sample needs at least one observable");
    }
    if (x.length % names.size() != 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "features have %d values, not a multiple of the %d observables %s",
              x.length,
              names.size(),
              names));
    }
    checkFinite("x", x, names.size());
    return x.length / names.size();
  }

  /** Checks the arguments of {@link EventSample#withWeights} against a sample of n events. */
  static void checkWeights(
      Nuisances nuisances, MorphingSetup setup, int size, double[] weights, int[] sampledFrom) {
    if (!nuisances.isEmpty()) {
      try {
        nuisances.checkAgainst(setup);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the sample's nuisance parameters "
                + nuisances.names()
                + " do not fit the new morphing setup "
                + setup.benchmarkNames()
                + ": "
                + e.getMessage()
                + "; keep a setup with the nuisance reference benchmark, or start from a sample"
                + " without nuisance parameters (EventSample.ofFeatures)",
            e);
      }
    }
    int nb = setup.benchmarks().size();
    if (weights.length != (long) size * nb) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "weights have %d values but %d events × %d benchmarks %s need %d",
              weights.length,
              size,
              nb,
              setup.benchmarkNames(),
              (long) size * nb));
    }
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isFinite(weights[i])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "weight of event %d at benchmark '%s' is %s; remove or fix the event",
                i / nb,
                setup.benchmarks().get(i % nb).name(),
                weights[i]));
      }
    }
    if (sampledFrom != null) {
      if (sampledFrom.length != size) {
        throw new IllegalArgumentException(
            "sampledFrom has " + sampledFrom.length + " entries for " + size + " events");
      }
      for (int i = 0; i < size; i++) {
        if (sampledFrom[i] < -1 || sampledFrom[i] >= nb) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "event %d was sampled from benchmark index %d, but there are %d benchmarks",
                  i,
                  sampledFrom[i],
                  nb));
        }
      }
    }
  }

  /** Checks the weights of {@link EventSample#withNuisances} against a sample of n events. */
  static void checkNuisanceWeights(Nuisances nuisances, int size, double[] weights) {
    int k = nuisances.benchmarks().size();
    if (weights.length != (long) size * k) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "nuisance weights have %d values but %d events × %d nuisance benchmarks %s need %d",
              weights.length,
              size,
              k,
              nuisances.benchmarks(),
              (long) size * k));
    }
    checkFinite("nuisance weight", weights, Math.max(k, 1));
  }

  /**
   * The parameter names a sample has after {@link EventSample#withColumn}, checking the column's
   * values against them.
   */
  static List<String> columnParameters(
      Column column,
      List<String> parameterNames,
      List<String> parameters,
      int size,
      double[] values) {
    List<String> params = parameterNames;
    int width = 1;
    if (column.perParameter()) {
      if (!parameterNames.isEmpty() && !parameterNames.equals(parameters)) {
        throw new IllegalArgumentException(
            "column "
                + column.datasetName()
                + " is for parameters "
                + parameters
                + " but the sample has "
                + parameterNames);
      }
      params = List.copyOf(parameters);
      width = params.size();
      if (width == 0) {
        throw new IllegalArgumentException(
            "column " + column.datasetName() + " needs parameter names");
      }
    }
    if (values.length != (long) size * width) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "column %s has %d values but %d events × %d need %d",
              column.datasetName(),
              values.length,
              size,
              width,
              (long) size * width));
    }
    checkFinite(column.datasetName(), values, width);
    return params;
  }

  /** The rows {@code indices} of a row-major array of the given width, in that order. */
  static double[] gather(double[] src, int width, int[] indices) {
    int n = src.length / Math.max(width, 1);
    double[] out = new double[indices.length * width];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= n) {
        throw new IllegalArgumentException("event index " + i + " outside 0.." + (n - 1));
      }
      System.arraycopy(src, i * width, out, k * width, width);
    }
    return out;
  }

  static void checkFinite(String name, double[] values, int width) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s of event %d (entry %d) is %s; every value must be finite",
                name,
                i / width,
                i % width,
                values[i]));
      }
    }
  }

  /** Row-major copy of a rectangular matrix, checking every row's width. */
  static double[] flatten(String name, double[][] rows, int width) {
    double[] out = new double[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s row %d has %d values but %d are expected",
                name,
                i,
                rows[i].length,
                width));
      }
      System.arraycopy(rows[i], 0, out, i * width, width);
    }
    return out;
  }
}
