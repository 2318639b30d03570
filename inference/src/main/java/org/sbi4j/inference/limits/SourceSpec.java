package org.sbi4j.inference.limits;

import java.io.Serializable;
import java.util.List;
import org.sbi4j.common.Check;

/**
 * How to re-create a limit source from files, so that a task on another machine can build the same
 * likelihood (limit grid blocks on Spark) without shipping models. Plain serializable data: {@code
 * ModelSources.open} builds the source.
 */
public sealed interface SourceSpec extends Serializable {
  /**
   * A trained model folder.
   *
   * @param dir the folder's path, as the workers see it (a shared file system)
   * @param theta1 the reference θ1 of a doubly parameterised ratio model, or null for its default
   *     (the centre of its trained θ1 range); must be null for other models
   */
  record Model(String dir, double[] theta1) implements SourceSpec {
    public Model {
      theta1 = theta1 == null ? null : theta1.clone();
    }

    /** A model folder at its default reference. */
    public Model(String dir) {
      this(dir, null);
    }

    @Override
    public double[] theta1() {
      return theta1 == null ? null : theta1.clone();
    }
  }

  /**
   * A SALLY model folder used by SALLINO.
   *
   * @param dir the folder's path, as the workers see it
   * @param bins quantile bins of the projected score per θ, or null for the default
   */
  record Sallino(String dir, Integer bins) implements SourceSpec {
    public Sallino {
      if (bins != null) {
        Check.positive("bins per dimension", bins);
      }
    }
  }

  /**
   * The histogram baseline on one or two observables with adaptive binning.
   *
   * @param observables the observables' names
   * @param binsPerDimension adaptive bins per dimension, or null for the default bins
   */
  record Histogram(List<String> observables, Integer binsPerDimension) implements SourceSpec {
    public Histogram {
      observables = List.copyOf(observables);
      if (binsPerDimension != null) {
        Check.positive("bins per dimension", binsPerDimension);
      }
    }
  }
}
