package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.io.Configs;
import org.sbi4j.samples.io.SetupFiles;
import org.sbi4j.samples.io.SetupYaml;

/** Every example config in configs/ parses into its record (and so stays in step with the code). */
class ExampleConfigsTest {
  /** File name → the record it binds to. A new example config must be registered here. */
  private static final Map<String, Class<?>> SCHEMAS =
      Map.of(
          "setup.yaml", SetupYaml.class,
          "train.yaml", org.sbi4j.training.TrainingConfig.class,
          "train-gold.yaml", org.sbi4j.training.TrainingConfig.class,
          "csv-import.yaml", org.sbi4j.samples.io.CsvImport.Mapping.class,
          "hdf5-import.yaml", org.sbi4j.samples.io.CsvImport.Mapping.class,
          "lhe-import.yaml", org.sbi4j.samples.io.LheMapping.class);

  @Test
  void everyExampleConfigParses() throws IOException {
    Path configs = Path.of("..", "configs");
    List<Path> files;
    try (Stream<Path> s = Files.list(configs)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= SCHEMAS.size(), "configs/ has " + files);
    for (Path f : files) {
      Class<?> schema = SCHEMAS.get(f.getFileName().toString());
      assertNotNull(schema, f + " has no schema registered in ExampleConfigsTest");
      assertNotNull(Configs.load(f, schema), f.toString());
    }
    assertNotNull(SetupFiles.load(configs.resolve("setup.yaml")).morpher());
  }
}
