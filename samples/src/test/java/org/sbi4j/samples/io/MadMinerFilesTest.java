package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.EventSample;

class MadMinerFilesTest {
  @TempDir Path dir;

  static MorphingSetup setup() {
    return new MorphingSetup(
        List.of(
            new Parameter("c_a", "dim6", 3, 2, -1, 1), new Parameter("c_b", "dim6", 7, 2, -2, 2)),
        List.of(
            new Benchmark("sm", new double[] {0, 0}),
            new Benchmark("a", new double[] {1, 0}),
            new Benchmark("b", new double[] {0, 1}),
            new Benchmark("c", new double[] {-1, 0}),
            new Benchmark("d", new double[] {0, -1}),
            new Benchmark("e", new double[] {1, 1})),
        2,
        null,
        null);
  }

  static EventSample events(int n) {
    MorphingSetup s = setup();
    double[] x = new double[n * 3];
    double[] w = new double[n * 6];
    int[] from = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[i * 3 + j] = i + 0.25 * j;
      }
      for (int b = 0; b < 6; b++) {
        w[i * 6 + b] = 1e-3 * (i + 1) * (b + 1);
      }
      from[i] = i % 3 == 2 ? -1 : i % 2;
    }
    return EventSample.ofFeatures(List.of("pt", "eta", "m_jj"), x).withWeights(s, w, from);
  }

  @Test
  void setupFileHasMadMinerLayoutAndReadsBackThroughSetupFiles() throws Exception {
    Path f = dir.resolve("setup.h5");
    MadMinerFiles.writeSetup(f, setup());
    String out =
        H5py.run(
            """
        import sys, h5py
        f = h5py.File(sys.argv[1], 'r')
        for k in ['parameters/names','parameters/lha_blocks','parameters/transforms','benchmarks/names']:
            d = f[k]; t = d.id.get_type()
            assert d.dtype.str == '|S256', (k, d.dtype)
            assert t.get_cset() == h5py.h5t.CSET_ASCII and t.get_strpad() == h5py.h5t.STR_NULLPAD, k
        for k in ['parameters/lha_ids','parameters/max_power','benchmarks/is_nuisance','benchmarks/is_reference','morphing/components']:
            assert f[k].dtype.str == '<i8', (k, f[k].dtype)
        for k in ['parameters/val_ranges','benchmarks/values','morphing/morphing_matrix']:
            assert f[k].dtype.str == '<f8', (k, f[k].dtype)
        raw = f['parameters/names'][()][0]
        assert raw == b'c_a', raw
        # the stored bytes: the name, then nulls up to 256
        buf = f['parameters/names'].id.read if False else None
        import numpy as np
        a = np.zeros(2, dtype='S256'); f['parameters/names'].read_direct(a)
        assert a.tobytes()[:256] == b'c_a' + b'\\0' * 253
        print(f['morphing/components'].shape, f['morphing/morphing_matrix'].shape, f['benchmarks/values'].shape)
        """,
            f.toString());
    assertEquals("(6, 2) (6, 6) (6, 2)", out.trim());
    MorphingSetup back = SetupFiles.load(f);
    assertEquals(setup().parameters(), back.parameters());
    assertEquals(setup().benchmarks(), back.benchmarks());
    assertTrue(Arrays.deepEquals(setup().components(), back.components()));
    // a stored matrix is W = M⁻¹ of the same basis: identical weights up to rounding of the inverse
    double[] want = setup().morpher().weights(new double[] {0.3, -0.7});
    double[] got = back.morpher().weights(new double[] {0.3, -0.7});
    assertArrayEquals(want, got, 1e-14);
  }

  @Test
  void eventsRoundTripWholeAndInChunks() {
    Path f = dir.resolve("events.h5");
    EventSample e = events(50);
    MadMinerFiles.writeEvents(f, e);
    EventSample back = MadMinerFiles.readEvents(f);
    assertArrayEquals(e.x(), back.x(), 0);
    assertArrayEquals(e.weights(), back.weights(), 0);
    assertArrayEquals(e.sampledFrom().orElseThrow(), back.sampledFrom().orElseThrow());
    assertEquals(e.observables(), back.observables());
    try (EventFile in = MadMinerFiles.open(f)) {
      assertEquals(50, in.size());
      EventSample chunk = in.read(17, 9);
      assertArrayEquals(e.range(17, 26).x(), chunk.x(), 0);
      assertArrayEquals(e.range(17, 26).weights(), chunk.weights(), 0);
      long[] signal = in.signalEvents().orElseThrow();
      assertEquals(17 + 17, signal[0] + signal[1]);
      assertEquals(16, in.backgroundEvents());
    }
  }

  @Test
  void h5pyReadsTheEventPartWithMadMinerNamesAndDtypes() throws Exception {
    Path f = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(f, events(20));
    String out =
        H5py.run(
            """
        import sys, h5py
        f = h5py.File(sys.argv[1], 'r')
        assert [n.decode('ascii') for n in f['observables/names'][()]] == ['pt', 'eta', 'm_jj']
        assert f['observables/definitions'].dtype.str == '|S256'
        assert f['samples/observations'].dtype.str == '<f8' and f['samples/observations'].shape == (20, 3)
        assert f['samples/weights'].dtype.str == '<f8' and f['samples/weights'].shape == (20, 6)
        assert f['samples/sampling_benchmarks'].dtype.str == '<i8'
        assert f['sample_summary/signal_events'].dtype.str == '<i8'
        assert f['sample_summary/background_events'].shape == ()
        print(f['samples/weights'][3, 2], f['samples/observations'][5, 1], int(f['sample_summary/background_events'][()]))
        """,
            f.toString());
    assertEquals("0.012 5.25 6", out.trim());
  }

  @Test
  void readsFilesH5pyWritesWithMadMinerNamesV09AndV07() throws Exception {
    for (String version : List.of("v09", "v07")) {
      Path f = dir.resolve(version + ".h5");
      H5py.run(
          """
          import sys, h5py, numpy as np
          v07 = sys.argv[2] == 'v07'
          with h5py.File(sys.argv[1], 'w') as f:
              f.create_dataset('parameters/names', data=[b'theta'], dtype='S256')
              f.create_dataset('parameters/lha_blocks', data=[b'dim6'], dtype='S256')
              f.create_dataset('parameters/lha_ids', data=[1])
              f.create_dataset('parameters/max_power', data=[[2]] if v07 else [2])
              f.create_dataset('parameters/ranges' if v07 else 'parameters/val_ranges', data=[[-1.0, 1.0]])
              f.create_dataset('parameters/transforms', data=[b''], dtype='S256')
              f.create_dataset('benchmarks/names', data=[b'sm', b'plus', b'minus'], dtype='S256')
              f.create_dataset('benchmarks/values', data=[[0.0], [1.0], [-1.0]])
              f.create_dataset('morphing/components', data=np.array([[0], [1], [2]]))
              if not v07:
                  f.create_dataset('morphing/morphing_matrix', data=[[1.0, 0, 0], [0, 0.5, -0.5], [-1.0, 0.5, 0.5]])
              f.create_dataset('observables/names', data=[b'x', b'y'], dtype='S256')
              f.create_dataset('observables/definitions', data=[b'x', b'y'], dtype='S256')
              obs = np.arange(2000, dtype='f8').reshape(1000, 2)
              w = np.arange(3000, dtype='f8').reshape(1000, 3) * 1e-3
              f.create_dataset('samples/observations', data=obs, compression='gzip', chunks=(100, 2))
              f.create_dataset('samples/weights', data=w, compression='gzip', chunks=(100, 3))
              f.create_dataset('samples/sampling_benchmarks', data=np.zeros(1000, dtype=int))
              f.create_dataset('sample_summary/signal_events_per_benchmark' if v07 else 'sample_summary/signal_events', data=[1000, 0, 0])
              f.create_dataset('sample_summary/background_events', data=0)
          """,
          f.toString(),
          version);
      MorphingSetup s = MadMinerFiles.readSetup(f);
      assertEquals(List.of("theta"), s.parameterNames());
      assertEquals(List.of("sm", "plus", "minus"), s.benchmarkNames());
      assertEquals(2, s.parameters().get(0).maxPower());
      // w(θ) = [1−θ², (θ+θ²)/2, (θ²−θ)/2] at θ = 0.5 (both the stored and the computed matrix)
      assertArrayEquals(
          new double[] {0.75, 0.375, -0.125}, s.morpher().weights(new double[] {0.5}), 1e-15);
      try (EventFile in = MadMinerFiles.open(f)) {
        EventSample chunk = in.read(555, 3);
        assertArrayEquals(new double[] {1110, 1111, 1112, 1113, 1114, 1115}, chunk.x(), 0);
        assertEquals(1.665, chunk.weight(0, 0), 1e-15);
        assertArrayEquals(new long[] {1000, 0, 0}, in.signalEvents().orElseThrow(), version);
      }
    }
  }

  @Test
  void badFilesGiveClearErrors() throws Exception {
    Path text = dir.resolve("text.h5");
    Files.writeString(text, "not an hdf5 file at all");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MadMinerFiles.readEvents(text));
    assertTrue(e.getMessage().contains("not an HDF5 file"), e.getMessage());

    Path good = dir.resolve("good.h5");
    MadMinerFiles.writeEvents(good, events(2000));
    byte[] all = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.h5");
    Files.write(cut, Arrays.copyOf(all, all.length / 2));
    e = assertThrows(IllegalArgumentException.class, () -> MadMinerFiles.readEvents(cut));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());

    Path noWeights = dir.resolve("noweights.h5");
    MadMinerFiles.writeSetup(noWeights, setup());
    e = assertThrows(IllegalArgumentException.class, () -> MadMinerFiles.readEvents(noWeights));
    assertTrue(e.getMessage().contains("'observables/names'"), e.getMessage());

    assertThrows(
        IllegalArgumentException.class, () -> MadMinerFiles.readEvents(dir.resolve("missing.h5")));
  }

  @Test
  void weightColumnsNotMatchingBenchmarksAndNanWeightsAreNamed() throws Exception {
    Path f = dir.resolve("bad.h5");
    H5py.run(
        H5py.ONE_PARAMETER
            + """
            f.create_dataset('benchmarks/values', data=[[0.0], [1.0], [-1.0]])
            f.create_dataset('observables/names', data=[b'x'], dtype='S256')
            f.create_dataset('samples/observations', data=np.zeros((4, 1)))
            w = np.ones((4, int(sys.argv[2])))
            if w.shape[1] == 3: w[2, 1] = np.nan
            f.create_dataset('samples/weights', data=w)
        """,
        f.toString(),
        "2");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MadMinerFiles.readEvents(f));
    assertTrue(e.getMessage().contains("must match the benchmarks"), e.getMessage());
    H5py.run(
        H5py.CHANGE
            + """
            del f['samples/weights']
            w = np.ones((4, 3)); w[2, 1] = np.nan
            f.create_dataset('samples/weights', data=w)
        """,
        f.toString());
    e = assertThrows(IllegalArgumentException.class, () -> MadMinerFiles.readEvents(f));
    assertTrue(e.getMessage().contains("event 2 at benchmark 'plus' is NaN"), e.getMessage());
  }
}
