package org.sbi4j.inference;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the inference packages, read from the sources: the likelihoods, the
 * Fisher information and the coverage toys need only the estimator interfaces
 * (org.sbi4j.samples.estimators), never ND4J or training; among LimitSource, SourceSpec and
 * ModelSources only ModelSources builds sources, so there is no cycle.
 */
class PackageDependenciesTest {
  private static final Path MAIN = Path.of("src/main/java/org/sbi4j/inference");

  private static List<Path> sources(String pkg) throws IOException {
    try (Stream<Path> s = Files.list(MAIN.resolve(pkg))) {
      return s.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  /** The source text without comments. */
  private static String code(Path f) throws IOException {
    return Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }

  @Test
  void likelihoodAndFisherNeedOnlyTheEstimatorInterfaces() throws IOException {
    for (String pkg : List.of("likelihood", "fisher", "coverage")) {
      for (Path f : sources(pkg)) {
        String text = code(f);
        for (String banned : List.of("org.nd4j", "org.sbi4j.training")) {
          assertFalse(text.contains(banned), f + " refers to " + banned);
        }
      }
    }
  }

  @Test
  void nplmAndCwolaSeeNetworksOnlyThroughTraining() throws IOException {
    for (String pkg : List.of("nplm", "cwola")) {
      for (Path f : sources(pkg)) {
        assertFalse(code(f).contains("org.nd4j"), f + " refers to ND4J directly");
      }
    }
  }

  @Test
  void sourceSpecsAreDataAndOnlyModelSourcesBuildsSources() throws IOException {
    String spec = code(MAIN.resolve("limits/SourceSpec.java"));
    String source = code(MAIN.resolve("limits/LimitSource.java"));
    assertFalse(
        spec.contains("LimitSource") || spec.contains("ModelSources"),
        "SourceSpec must not build sources");
    assertFalse(source.contains("ModelSources"), "LimitSource must not call ModelSources");
  }
}
