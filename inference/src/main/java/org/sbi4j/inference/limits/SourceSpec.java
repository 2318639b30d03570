package org.sbi4j.inference.limits;

import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.inference.likelihood.BinningSpec;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.sbi4j.common.Check;

/**
 * How to re-create a {@link LimitSource} from files, so that a task on another machine can build
 * the same likelihood (limit grid blocks on Spark) without shipping models.
 */
public sealed interface SourceSpec extends Serializable {
  /** The source this spec describes, read from its files; it carries this spec. */
  LimitSource open();

  /**
   * A trained model folder ({@link ModelSources#limitSource}).
   *
   * @param dir the folder's path, as the workers see it (a shared file system)
   */
  record Model(String dir) implements SourceSpec {
    @Override
    public LimitSource open() {
      return ModelSources.limitSource(Path.of(dir));
    }
  }

  /**
   * The histogram baseline on one or two observables with adaptive binning.
   *
   * @param observables the observables' names
   * @param binsPerDimension adaptive bins per dimension, or null for {@link
   *     BinningSpec#defaultBins}
   */
  record Histogram(List<String> observables, Integer binsPerDimension) implements SourceSpec {
    public Histogram {
      observables = List.copyOf(observables);
      if (binsPerDimension != null) {
        Check.positive("bins per dimension", binsPerDimension);
      }
    }

    @Override
    public LimitSource open() {
      Summary s = new Summary.Observed(observables);
      BinningSpec b = binsPerDimension == null ? BinningSpec.adaptive(s.dimension())
          : new BinningSpec(binsPerDimension, null, null);
      return new LimitSource.Histogram(s.label(), s, b, this);
    }
  }
}
