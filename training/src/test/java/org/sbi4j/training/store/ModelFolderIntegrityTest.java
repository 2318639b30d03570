package org.sbi4j.training.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;

/** Issue 8, model folders: confinement to the folder, recorded hashes, expected inputs. */
class ModelFolderIntegrityTest {
  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path saved;

  @BeforeAll
  static void saveOne() {
    TrainingConfig c = TrainingConfig.builder().hiddenLayers(List.of(4)).epochs(1).build();
    saved = shared.resolve("m");
    ModelFolder.save(
        saved, new Trainer(c).train(GaussianToy.ratioSample(200, 9), Method.CARL, 1), null);
  }

  private Path copy() throws Exception {
    Path d = tmp.resolve("copy");
    Files.createDirectories(d);
    try (var s = Files.list(saved)) {
      for (Path f : s.toList()) {
        Files.copy(f, d.resolve(f.getFileName()));
      }
    }
    return d;
  }

  private static String fails(Executable e) {
    String m = assertThrows(IllegalArgumentException.class, e).getMessage();
    assertTrue(!m.contains("\n"), "one line: " + m);
    return m;
  }

  @Test
  void anUntouchedFolderLoadsAndRecordsEveryFile() throws Exception {
    assertEquals(Method.CARL, ModelFolder.load(copy()).model().method());
    String manifest = Files.readString(saved.resolve("sha256.json"));
    for (String f : FolderIntegrity.FILES) {
      assertTrue(manifest.contains("\"" + f + "\""), f);
    }
  }

  @Test
  void aChangedFileIsReported() throws Exception {
    Path d = copy();
    Files.writeString(d.resolve("history.json"), Files.readString(d.resolve("history.json")) + " ");
    assertTrue(fails(() -> ModelFolder.load(d)).contains("history.json was changed"));
  }

  @Test
  void aMissingFileOrManifestIsReported() throws Exception {
    Path d = copy();
    Files.delete(d.resolve("model.onnx"));
    assertTrue(fails(() -> ModelFolder.load(d)).contains("lacks model.onnx"));
    Path e = tmp.resolve("e");
    Files.createDirectories(e);
    Files.move(d, e.resolve("x"));
    Path again = copy();
    Files.delete(again.resolve("sha256.json"));
    assertTrue(fails(() -> ModelFolder.load(again)).contains("lacks sha256.json"));
  }

  @Test
  void noPathMayEscapeTheFolder() throws Exception {
    Path d = copy();
    Path outside = tmp.resolve("outside.json");
    Files.writeString(outside, "{}");
    String manifest = Files.readString(d.resolve("sha256.json"));
    for (String bad : List.of("../outside.json", "/etc/passwd", "..")) {
      Files.writeString(
          d.resolve("sha256.json"), manifest.replaceFirst("\\{", "{ \"" + bad + "\" : \"00\","));
      assertTrue(fails(() -> ModelFolder.load(d)).contains("only plain file names"), bad);
    }
    Files.writeString(d.resolve("sha256.json"), manifest);
    Files.move(
        d.resolve("weights.json"), outside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.createSymbolicLink(d.resolve("weights.json"), outside);
    assertTrue(fails(() -> ModelFolder.load(d)).contains("outside the folder"));
  }

  @Test
  void recordedInputsMustMatchTheCaller() throws Exception {
    Path d = copy();
    ModelData m = ModelFolder.load(d).model();
    ModelFolder.load(d, Method.CARL, m.observables(), m.parameters());
    assertTrue(
        fails(() -> ModelFolder.load(d, Method.ALICES, null, null))
            .contains("method carl but alices"));
    String obs = fails(() -> ModelFolder.load(d, null, List.of("pt"), null));
    assertTrue(obs.contains(m.observables().toString()) && obs.contains("[pt]"), obs);
    String par = fails(() -> ModelFolder.load(d, null, null, List.of("a", "b")));
    assertTrue(par.contains(m.parameters().toString()) && par.contains("[a, b]"), par);
  }
}
