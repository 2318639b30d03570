package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.NuisanceParameter;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSample;

/** Event files with nuisance benchmarks in MadMiner's layout, written by h5py and by sbi4j. */
class MadMinerNuisanceFilesTest {
  @TempDir Path dir;

  /**
   * A MadMiner-layout file as MadMiner's {@code save_nuisance_setup} leaves it: θ benchmarks sm,
   * plus, minus, then the nuisance benchmarks (appended in sorted order, zero values rows,
   * is_nuisance = 1), reference sm; nuisance {@code jes} two-sided (jes_up, jes_down), {@code
   * lumi_nuisance_param_0} one-sided. Event i (of 8) has weights sm = 1 + i/10, jes_up = sm · (1.2
   * + i/100), jes_down = sm · (0.9 − i/100), one-sided = sm · 1.1; sys.argv[2], a JSON object,
   * patches names, flags, weights or the order of the benchmark rows and weight columns.
   */
  static final String NUISANCE_FILE =
      H5py.ONE_PARAMETER
          + """
          import json
          patch = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
          names = [b'sm', b'plus', b'minus', b'jes_down', b'jes_up', b'lumi_nuisance_param_0_benchmark_0']
          order = patch.get('order', list(range(6)))
          pick = lambda v: [v[j] for j in order]
          del f['benchmarks/names']
          f.create_dataset('benchmarks/names', data=pick(names), dtype='S256')
          f.create_dataset('benchmarks/values', data=pick([[0.0], [1.0], [-1.0], [0.0], [0.0], [0.0]]))
          f.create_dataset('benchmarks/is_nuisance', data=pick([0, 0, 0, 1, 1, 1]))
          f.create_dataset('benchmarks/is_reference', data=pick([1, 0, 0, 0, 0, 0]))
          f.create_dataset('morphing/components', data=np.array([[0], [1], [2]]))
          f.create_dataset('morphing/morphing_matrix', data=[[1.0, 0, 0], [0, 0.5, -0.5], [-1.0, 0.5, 0.5]])
          nu = patch.get('nuisances', ['jes', 'lumi_nuisance_param_0'])
          f.create_dataset('nuisance_parameters/names', data=[n.encode() for n in nu], dtype='S256')
          f.create_dataset('nuisance_parameters/systematics', data=[b'jes', b'lumi'], dtype='S256')
          f.create_dataset('nuisance_parameters/benchmark_positive', data=[b'jes_up', b'lumi_nuisance_param_0_benchmark_0'], dtype='S256')
          f.create_dataset('nuisance_parameters/benchmark_negative', data=[patch.get('minus', 'jes_down').encode(), b'None'], dtype='S256')
          f.create_dataset('systematics/names', data=[b'lumi', b'jes', b'pdf'], dtype='S256')
          f.create_dataset('systematics/types', data=[b'norm', b'scale', b'pdf'], dtype='S256')
          f.create_dataset('systematics/values', data=[1.1, '0.5,1.0,2.0', 'CT10'], dtype='S256')
          f.create_dataset('systematics/scales', data=[patch.get('norm_scale', 'None').encode(), b'mu', b'None'], dtype='S256')
          f.create_dataset('observables/names', data=[b'x'], dtype='S256')
          f.create_dataset('observables/definitions', data=[b'x'], dtype='S256')
          i = np.arange(8.0)
          sm = 1 + i / 10
          if 'zero_ref' in patch: sm[patch['zero_ref']] = 0.0
          w = np.stack([sm, 2 * sm, 3 * sm, sm * (0.9 - i / 100), sm * (1.2 + i / 100), sm * 1.1], axis=1)
          if 'zero_ref' in patch: w[patch['zero_ref'], 3:] = 0.5
          f.create_dataset('samples/observations', data=i.reshape(8, 1) / 4)
          f.create_dataset('samples/weights', data=w[:, order])
          f.create_dataset('samples/sampling_benchmarks', data=np.zeros(8, dtype=int))
          f.create_dataset('sample_summary/signal_events', data=[8, 0, 0])
          f.create_dataset('sample_summary/background_events', data=0)
      """;

  private Path madMinerFile(String name, String patch) throws Exception {
    Path f = dir.resolve(name);
    H5py.run(NUISANCE_FILE, f.toString(), patch);
    return f;
  }

  @Test
  void readsMadMinersNuisanceLayoutTwoSidedAndOneSidedAndMorphsByHand() throws Exception {
    Path f = madMinerFile("mm.h5", "{}");
    MorphingSetup setup = MadMinerFiles.readSetup(f);
    assertEquals(List.of("sm", "plus", "minus"), setup.benchmarkNames());
    EventSample e = MadMinerFiles.readEvents(f, NuisanceMorphing.Policy.ERROR);
    Nuisances nu = e.nuisances();
    assertEquals(
        new Nuisances(
            List.of(
                new NuisanceParameter("jes", "jes_up", "jes_down"),
                new NuisanceParameter(
                    "lumi_nuisance_param_0", "lumi_nuisance_param_0_benchmark_0", null)),
            List.of("jes_down", "jes_up", "lumi_nuisance_param_0_benchmark_0"),
            "sm"),
        nu);
    NuisanceMorphing m = e.nuisanceMorphing(NuisanceMorphing.Policy.ERROR);
    for (int i = 0; i < 8; i++) {
      double sm = 1 + i / 10.0;
      assertEquals(sm, e.weight(i, 0), 1e-15);
      assertEquals(3 * sm, e.weight(i, 2), 1e-15);
      assertEquals(sm * (0.9 - i / 100.0), e.nuisanceWeight(i, 0), 1e-15);
      double up = 1.2 + i / 100.0;
      double down = 0.9 - i / 100.0;
      // hand values: a = ½ log(w₊/w₋), b = ½ log(w₊w₋/w₀²) (the w₀ cancels into up·down); one-sided
      // a = log(1.1), b = 0. Logs of O(1) ratios: rounding ~1e-16, 1e-14 leaves room
      assertEquals(0.5 * Math.log(up / down), m.a(i, 0), 1e-14, "a_jes of event " + i);
      assertEquals(0.5 * Math.log(up * down), m.b(i, 0), 1e-14, "b_jes of event " + i);
      assertEquals(Math.log(1.1), m.a(i, 1), 1e-14, "a_lumi of event " + i);
      assertEquals(0.0, m.b(i, 1), 0.0);
    }
    Systematics s = MadMinerFiles.readSystematics(f);
    assertEquals(
        List.of(
            Systematic.norm("lumi", 1.1),
            new Systematic("jes", Systematic.Type.SCALE, "0.5,1.0,2.0", Systematic.Scale.MU),
            new Systematic("pdf", Systematic.Type.PDF, "CT10", null)),
        s.entries());
    assertEquals(1.1, s.entries().get(0).relativeNorm(), 0);
    assertEquals("lumi", s.systematicOf("lumi_nuisance_param_0"));
    try (EventFile in = MadMinerFiles.open(f)) {
      assertEquals(nu, in.nuisances());
      double[] w = new double[3 * 3];
      in.readWeights(2, 3, w);
      assertArrayEquals(new double[] {1.2, 2.4, 3.6}, java.util.Arrays.copyOf(w, 3), 1e-15);
      double[] nw = new double[3 * 3];
      in.readNuisanceWeights(5, 3, nw);
      assertEquals(1.5 * 1.25, nw[1], 1e-15);
      assertEquals(0, in.checkNuisances(NuisanceMorphing.Policy.ERROR));
    }
  }

  @Test
  void nuisanceBenchmarksMayStandAnywhereAmongTheBenchmarks() throws Exception {
    Path ordered = madMinerFile("ordered.h5", "{}");
    // rows and weight columns: jes_up, sm, lumi…, plus, jes_down, minus
    Path mixed = madMinerFile("mixed.h5", "{\"order\": [4, 0, 5, 1, 3, 2]}");
    EventSample a = MadMinerFiles.readEvents(ordered);
    EventSample b = MadMinerFiles.readEvents(mixed);
    assertEquals(List.of("sm", "plus", "minus"), b.setup().orElseThrow().benchmarkNames());
    assertEquals(
        List.of("jes_up", "lumi_nuisance_param_0_benchmark_0", "jes_down"),
        b.nuisances().benchmarks());
    assertEquals(a.nuisances().parameters(), b.nuisances().parameters());
    assertArrayEquals(a.weights(), b.weights(), 0);
    NuisanceMorphing ma = a.nuisanceMorphing(NuisanceMorphing.Policy.ERROR);
    NuisanceMorphing mb = b.nuisanceMorphing(NuisanceMorphing.Policy.ERROR);
    for (int i = 0; i < 8; i++) {
      assertEquals(
          ma.logFactor(i, new double[] {0.7, -1.3}), mb.logFactor(i, new double[] {0.7, -1.3}), 0);
    }
    assertEquals(b.nuisances(), MadMinerFiles.readNuisances(mixed));
  }

  @Test
  void normSystematicsReadWhateverTheStoredScale() throws Exception {
    for (String scale : List.of("None", "mu", "", "muf")) {
      Path f = madMinerFile("scale-" + scale + ".h5", "{\"norm_scale\": \"" + scale + "\"}");
      Systematic lumi = MadMinerFiles.readSystematics(f).entries().get(0);
      assertEquals(Systematic.Type.NORM, lumi.type(), scale);
      assertNull(lumi.scale(), scale);
      assertEquals(1.1, lumi.relativeNorm(), 0, scale);
    }
  }

  @Test
  void roundTripKeepsSetupNuisancesWeightsAndSystematics() throws Exception {
    Path f = madMinerFile("mm.h5", "{}");
    EventSample e = MadMinerFiles.readEvents(f);
    Systematics s = MadMinerFiles.readSystematics(f);
    Path g = dir.resolve("sbi4j.h5");
    MadMinerFiles.writeEvents(g, e, List.of("x"), s);
    EventSample back = MadMinerFiles.readEvents(g);
    MorphingSetup a = e.setup().orElseThrow();
    MorphingSetup b = back.setup().orElseThrow();
    assertEquals(a.parameters(), b.parameters());
    assertEquals(a.benchmarks(), b.benchmarks());
    assertEquals(e.nuisances(), back.nuisances());
    assertArrayEquals(e.weights(), back.weights(), 0);
    assertArrayEquals(e.nuisanceWeights(), back.nuisanceWeights(), 0);
    assertArrayEquals(e.x(), back.x(), 0);
    assertEquals(s, MadMinerFiles.readSystematics(g));
    String out =
        H5py.run(
            """
            import sys, h5py, numpy as np
            f = h5py.File(sys.argv[1], 'r')
            s = lambda k: [v.decode('ascii') for v in f[k][()]]
            assert s('benchmarks/names') == ['sm', 'plus', 'minus', 'jes_down', 'jes_up', 'lumi_nuisance_param_0_benchmark_0'], s('benchmarks/names')
            assert list(f['benchmarks/is_nuisance'][()]) == [0, 0, 0, 1, 1, 1]
            assert list(f['benchmarks/is_reference'][()]) == [1, 0, 0, 0, 0, 0]
            assert f['benchmarks/is_nuisance'].dtype.str == '<i8'
            assert (f['benchmarks/values'][3:] == 0).all() and f['benchmarks/values'].shape == (6, 1)
            assert f['samples/weights'].shape == (8, 6)
            assert f['morphing/morphing_matrix'].shape == (3, 3)
            assert s('nuisance_parameters/names') == ['jes', 'lumi_nuisance_param_0']
            assert s('nuisance_parameters/systematics') == ['jes', 'lumi']
            assert s('nuisance_parameters/benchmark_positive') == ['jes_up', 'lumi_nuisance_param_0_benchmark_0']
            assert s('nuisance_parameters/benchmark_negative') == ['jes_down', 'None']
            assert s('systematics/names') == ['lumi', 'jes', 'pdf']
            assert s('systematics/types') == ['norm', 'scale', 'pdf']
            assert s('systematics/values') == ['1.1', '0.5,1.0,2.0', 'CT10']
            assert s('systematics/scales') == ['None', 'mu', 'None']
            for k in ['nuisance_parameters/names', 'systematics/values', 'systematics/scales']:
                assert f[k].dtype.str == '|S256', (k, f[k].dtype)
            print(f['samples/weights'][7, 4])
            """,
            g.toString());
    assertEquals(1.7 * 1.27, Double.parseDouble(out.trim()), 1e-15);
  }

  @Test
  void filesWithoutNuisancesHaveNone() throws Exception {
    Path f = dir.resolve("plain.h5");
    MadMinerFiles.writeEvents(f, MadMinerFilesTest.events(5));
    assertEquals(Nuisances.NONE, MadMinerFiles.readEvents(f).nuisances());
    assertEquals(Systematics.NONE, MadMinerFiles.readSystematics(f));
    try (EventFile in = MadMinerFiles.open(f)) {
      assertEquals(0, in.checkNuisances(NuisanceMorphing.Policy.ERROR));
    }
  }

  @Test
  void badNuisanceFilesNameTheProblem() throws Exception {
    Path missing = madMinerFile("missing.h5", "{\"minus\": \"jes_dn\"}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MadMinerFiles.readEvents(missing));
    assertTrue(
        e.getMessage().startsWith(missing.toString())
            && e.getMessage().contains("'jes_dn', which is not among the nuisance benchmarks"),
        e.getMessage());

    Path clash = madMinerFile("clash.h5", "{\"nuisances\": [\"theta\", \"lumi\"]}");
    e = assertThrows(IllegalArgumentException.class, () -> MadMinerFiles.readEvents(clash));
    assertTrue(
        e.getMessage().contains("nuisance parameter 'theta' has the name of a physics parameter"),
        e.getMessage());

    Path zero = madMinerFile("zero.h5", "{\"zero_ref\": 3}");
    // reading without a policy gives the weights as stored; the morphing check counts undefined
    // (event, nuisance) pairs: jes and lumi at event 3
    assertEquals(0.0, MadMinerFiles.readEvents(zero).weight(3, 0), 0);
    InvalidValueException v =
        assertThrows(
            InvalidValueException.class,
            () -> MadMinerFiles.readEvents(zero, NuisanceMorphing.Policy.ERROR));
    assertTrue(
        v.getMessage().startsWith(zero.toString())
            && v.getMessage().contains("2 nuisance coefficients are undefined")
            && v.getMessage().contains("first: event 3, nuisance 'jes'")
            && v.getMessage().contains("clamp the coefficients as MadMiner does"),
        v.getMessage());
    // the value name the CLI maps to --clamp-nuisance
    assertEquals(NuisanceMorphing.POLICY_VALUE, v.value());
    EventSample clamped = MadMinerFiles.readEvents(zero, NuisanceMorphing.Policy.CLAMP);
    assertEquals(8, clamped.size());
    try (EventFile in = MadMinerFiles.open(zero)) {
      assertEquals(2, in.checkNuisances(NuisanceMorphing.Policy.CLAMP));
    }
    assertEquals(Map.of(), Systematics.NONE.ofNuisance());
  }
}
