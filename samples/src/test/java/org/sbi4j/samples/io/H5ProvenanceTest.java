package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.BuildInfo;
import org.sbi4j.common.Provenance;
import org.sbi4j.common.Sha256;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.internal.H5Provenance;

class H5ProvenanceTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    Provenance.setCurrent(null);
  }

  /** An event file records the run's provenance and still reads as before. */
  @Test
  void eventFileRecordsTheRunsProvenance() throws Exception {
    Path input = Files.writeString(dir.resolve("setup.h5"), "not really a setup");
    Map<String, Long> seeds = new LinkedHashMap<>();
    seeds.put("seed", 42L);
    seeds.put("member1", -7L);
    Provenance run =
        Provenance.of(
            List.of("sbi4j", "simulate", "--seed", "42", "--out", "events.h5"),
            seeds,
            List.of(Provenance.Input.of(input)));
    Provenance.setCurrent(run);
    Path f = dir.resolve("events.h5");
    EventSample e = MadMinerFilesTest.events(20);
    MadMinerFiles.writeEvents(f, e);
    try (HdfFile h5 = new HdfFile(f)) {
      Provenance back = H5Provenance.read(h5).orElseThrow();
      assertEquals(run, back);
      assertEquals(BuildInfo.current().commit(), back.commit());
      assertEquals(Sha256.file(input), back.inputs().get(0).sha256());
    }
    EventSample read = MadMinerFiles.readEvents(f);
    assertArrayEquals(e.x(), read.x(), 0);
    assertArrayEquals(e.weights(), read.weights(), 0);
  }

  /** Library use (no command line): the build is still recorded, empty lists are left out. */
  @Test
  void libraryUseRecordsTheBuild() {
    Path f = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(f, MadMinerFilesTest.events(5));
    try (HdfFile h5 = new HdfFile(f)) {
      Provenance back = H5Provenance.read(h5).orElseThrow();
      assertEquals("sbi4j", back.tool());
      assertEquals(BuildInfo.current().version(), back.version());
      assertTrue(back.commandLine().isEmpty());
      assertTrue(back.inputs().isEmpty());
      assertTrue(back.seeds().isEmpty());
    }
  }

  /** h5py (as MadMiner uses it) reads the attributes and the event datasets unchanged. */
  @Test
  void h5pyReadsTheProvenanceBesideTheEvents() throws Exception {
    Provenance.setCurrent(
        Provenance.of(List.of("sbi4j", "simulate", "--seed", "3"), Map.of("seed", 3L), List.of()));
    Path f = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(f, MadMinerFilesTest.events(20));
    String out =
        H5py.run(
            """
        import sys, h5py
        f = h5py.File(sys.argv[1], 'r')
        a = f.attrs
        def s(v): return v.decode() if isinstance(v, bytes) else str(v)
        assert s(a['sbi4j_tool']) == 'sbi4j'
        assert [s(x) for x in a['sbi4j_command_line']] == ['sbi4j', 'simulate', '--seed', '3']
        assert list(a['sbi4j_seed_values']) == [3]
        assert f['samples/observations'].shape == (20, 3)
        assert not any(k.startswith('sbi4j') for k in f.keys()), 'no group or dataset is added'
        print(s(a['sbi4j_commit']))
        """,
            f.toString());
    assertEquals(BuildInfo.current().commit(), out.trim());
  }
}
