package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.Provenance;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.Workspace;

/** The database folder (docs/formats.md): round trips, workspace analyses and bad files. */
class DatabaseJsonTest {
  @TempDir Path tmp;

  @Test
  void toyDatabaseRoundTrips() {
    Database db = ToyDatabase.generate(8, true);
    Path dir = tmp.resolve("db");
    DatabaseJson.write(db, dir);
    Database back = DatabaseJson.read(dir);
    ProtoModel m = ToyDatabase.plantedModel(db);
    assertEquals(db.analyses().size(), back.analyses().size());
    for (int a = 0; a < db.analyses().size(); a++) {
      assertArrayEquals(db.signals(m)[a], back.signals(m)[a], 1e-12);
      for (int b = 0; b < db.analyses().size(); b++) {
        assertEquals(db.combinable(a, b), back.combinable(a, b));
      }
    }
    Combiner.Settings s = new Combiner.Settings(0.5, 1.3);
    assertEquals(new Combiner(db, s).evaluate(m).k(), new Combiner(back, s).evaluate(m).k(), 1e-9);
  }

  /**
   * The database records the run's provenance in provenance.json, which the reader ignores and
   * which is no part of the identity that checkpoints record: the same database written by two runs
   * keeps its identity, while any change to a data file changes it.
   */
  @Test
  void provenanceIsRecordedButNotPartOfTheIdentity() throws IOException {
    Database db = ToyDatabase.generate(8, true);
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    try {
      Provenance.setCurrent(Provenance.of(List.of("sbi4j", "first"), Map.of("seed", 8L), null));
      DatabaseJson.write(db, a);
      Provenance.setCurrent(Provenance.of(List.of("sbi4j", "second"), Map.of("seed", 8L), null));
      DatabaseJson.write(db, b);
    } finally {
      Provenance.setCurrent(null);
    }
    assertTrue(Files.readString(a.resolve("provenance.json")).contains("\"first\""));
    assertTrue(Files.readString(b.resolve("provenance.json")).contains("\"second\""));
    assertEquals(DatabaseSource.digest(a), DatabaseSource.digest(b));
    assertEquals(db.analyses().size(), DatabaseJson.read(a).analyses().size());
    Files.writeString(a.resolve("provenance.json"), "not even JSON");
    assertEquals(db.analyses().size(), DatabaseJson.read(a).analyses().size());
    assertEquals(DatabaseSource.digest(b), DatabaseSource.digest(a));
    Path data = a.resolve("analyses").resolve(db.analyses().get(0).name() + ".json");
    Files.writeString(data, Files.readString(data) + " ");
    assertTrue(!DatabaseSource.digest(a).equals(DatabaseSource.digest(b)));
  }

  /** One bin with n observed over b ± δ: the staterror constraint is the counting one. */
  static Workspace region(double n, double b, double delta, double signal) {
    return new Workspace(
        "1.0.0",
        List.of(
            new Workspace.Channel(
                "sr",
                List.of(
                    new Workspace.Sample(
                        "signal",
                        new double[] {signal},
                        List.of(Workspace.Modifier.plain("mu", ModifierType.NORMFACTOR))),
                    new Workspace.Sample(
                        "background",
                        new double[] {b},
                        List.of(
                            Workspace.Modifier.perBin(
                                "stat", ModifierType.STATERROR, new double[] {delta})))))),
        List.of(new Workspace.Observation("sr", new double[] {n})),
        List.of(new Workspace.Measurement("m", "mu", List.of())));
  }

  @Test
  void workspaceAnalysisEqualsTheCountingRegionItEncodes() {
    WorkspaceLikelihood ws = new WorkspaceLikelihood(region(27, 20, 3, 5));
    CountingLikelihood c =
        new CountingLikelihood(new double[] {27}, new double[] {20}, new double[] {3}, null);
    assertEquals(5, ws.referenceYield());
    AnalysisLikelihood.Term tw = ws.term(new double[] {10});
    AnalysisLikelihood.Term tc = c.term(new double[] {10});
    for (double mu : new double[] {0.3, 0.8, 1.5}) {
      // the HistFactory fit converges to ~1e-8 in −ln L; constants differ, differences agree
      assertEquals(tc.nll(mu) - tc.nll(0), tw.nll(mu) - tw.nll(0), 1e-6);
    }
    // the same asymptotic CLs limit: on the POI (signal 5 per unit) and on the signal
    assertEquals(c.observedLimits()[0], 5 * ws.poiLimit(), 1e-3 * c.observedLimits()[0]);
    assertEquals(tc.ratio(), tw.ratio(), 1e-3 * tc.ratio());
  }

  @Test
  void workspaceAnalysesRoundTripThroughTheirOwnFile() {
    Particle p =
        new Particle("P", 100, 200, new double[] {100, 200}, new double[] {1, 1}, List.of("c"));
    Analysis a =
        new Analysis(
            "W1",
            10,
            new WorkspaceLikelihood(region(27, 20, 3, 5)),
            List.of(
                new EfficiencyMap("P", "c", new double[] {100, 200}, new double[][] {{1}, {1}})));
    Database db = new Database(List.of(p), List.of(a), new boolean[1][1]);
    Path dir = tmp.resolve("ws");
    DatabaseJson.write(db, dir);
    assertTrue(Files.exists(dir.resolve("analyses/W1-workspace.json")));
    Database back = DatabaseJson.read(dir);
    assertTrue(back.analyses().get(0).likelihood() instanceof WorkspaceLikelihood);
    ProtoModel m = ProtoModel.standardModel(1).with(0, 150, 0.5, new double[] {1});
    Combiner.Settings s = new Combiner.Settings(0.5, 1.3);
    assertEquals(new Combiner(db, s).evaluate(m).k(), new Combiner(back, s).evaluate(m).k(), 1e-9);
  }

  @Test
  void fakesOfWorkspaceAnalysesAreSeededPseudoExperiments() {
    Particle p =
        new Particle("P", 100, 200, new double[] {100, 200}, new double[] {1, 1}, List.of("c"));
    Analysis a =
        new Analysis(
            "W1",
            10,
            new WorkspaceLikelihood(region(27, 20, 3, 5)),
            List.of(
                new EfficiencyMap("P", "c", new double[] {100, 200}, new double[][] {{1}, {1}})));
    Database db = new Database(List.of(p), List.of(a), new boolean[1][1]);
    ProtoModel m = ProtoModel.standardModel(1).with(0, 150, 0.5, new double[] {1});
    Combiner.Settings s = new Combiner.Settings(0.5, 1.3);
    double k1 = new Combiner(db.fake(4), s).evaluate(m).k();
    double k2 = new Combiner(db.fake(4), s).evaluate(m).k();
    double k3 = new Combiner(db.fake(5), s).evaluate(m).k();
    // same seed, same pseudo-experiment; another seed, other counts (continuous auxiliary data)
    assertEquals(k1, k2);
    assertTrue(k1 != k3, k1 + " " + k3);
  }

  @Test
  void badFilesNameTheFileAndTheKey() throws IOException {
    Path dir = tmp.resolve("bad");
    DatabaseJson.write(ToyDatabase.generate(1, false), dir);
    Path a05 = dir.resolve("analyses/A05.json");
    String good = Files.readString(a05);
    Files.writeString(a05, good.replace("\"luminosity\"", "\"lumi\""));
    String m =
        assertThrows(IllegalArgumentException.class, () -> DatabaseJson.read(dir)).getMessage();
    assertTrue(m.contains("A05.json") && m.contains("lumi"), m);
    Files.writeString(a05, good.replace("\"upperLimit\"", "\"magic\""));
    m = assertThrows(IllegalArgumentException.class, () -> DatabaseJson.read(dir)).getMessage();
    assertTrue(m.contains("likelihood.type") && m.contains("magic"), m);
    Files.writeString(a05, good);
    Path index = dir.resolve("database.json");
    String idx = Files.readString(index);
    Files.writeString(index, idx.replaceFirst("\\[ \"A01\", \"A02\" \\]", "[ \"A01\", \"A99\" ]"));
    m = assertThrows(IllegalArgumentException.class, () -> DatabaseJson.read(dir)).getMessage();
    assertTrue(m.contains("combinable"), m);
    Files.writeString(index, idx);
    Files.delete(dir.resolve("analyses/A07.json"));
    m = assertThrows(IllegalArgumentException.class, () -> DatabaseJson.read(dir)).getMessage();
    assertTrue(m.contains("A07.json") && m.contains("does not exist"), m);
  }

  @Test
  void eftDatabaseRoundTripsWithItsTemplates() {
    Database db = EftToyDatabase.generate(3, true);
    Path dir = tmp.resolve("eft");
    DatabaseJson.write(db, dir);
    Database back = DatabaseJson.read(dir);
    assertEquals(db.operators(), back.operators());
    ProtoModel m = db.standardModel().withCoefficient(0, 0.7).withCoefficient(2, -1.2);
    for (int a = 0; a < db.analyses().size(); a++) {
      assertArrayEquals(db.signals(m)[a], back.signals(m)[a], 1e-12);
    }
    Combiner.Settings s = new Combiner.Settings(0.5, 1.3);
    assertEquals(new Combiner(db, s).evaluate(m).k(), new Combiner(back, s).evaluate(m).k(), 1e-9);
  }

  @Test
  void badEftFilesNameTheFileAndTheKey() throws IOException {
    Path dir = tmp.resolve("bad-eft");
    DatabaseJson.write(EftToyDatabase.generate(1, false), dir);
    Path e04 = dir.resolve("analyses/E04.json");
    String good = Files.readString(e04);
    Files.writeString(e04, good.replace("\"cB\"", "\"cZ\""));
    String m =
        assertThrows(IllegalArgumentException.class, () -> DatabaseJson.read(dir)).getMessage();
    assertTrue(m.contains("E04.json") && m.contains("templates[0].operators"), m);
    // two benchmarks at the same point cannot morph
    Files.writeString(e04, good.replace("\"theta\" : [ 1.0 ]", "\"theta\" : [ -1.0 ]"));
    m = assertThrows(IllegalArgumentException.class, () -> DatabaseJson.read(dir)).getMessage();
    assertTrue(m.contains("E04.json") && m.contains("templates[0]") && m.contains("distinct"), m);
    Files.writeString(e04, good.replace("\"yields\"", "\"yield\""));
    m = assertThrows(IllegalArgumentException.class, () -> DatabaseJson.read(dir)).getMessage();
    assertTrue(m.contains("E04.json") && m.contains("yield"), m);
    Files.writeString(e04, good);
    Path index = dir.resolve("database.json");
    String idx = Files.readString(index);
    Files.writeString(index, idx.replace("\"range\" : [ -2.0, 2.0 ]", "\"range\" : [ 2.0, -2.0 ]"));
    m = assertThrows(IllegalArgumentException.class, () -> DatabaseJson.read(dir)).getMessage();
    assertTrue(m.contains("database.json") && m.contains("operators[0]"), m);
  }
}
