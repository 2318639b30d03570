package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sbi4j.common.LheText.SETUP;
import static org.sbi4j.common.LheText.event;
import static org.sbi4j.common.LheText.fs;
import static org.sbi4j.common.LheText.header;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.Progress;
import org.sbi4j.samples.EventSample;

/**
 * {@code import lhe} on two small hand-made MadGraph-style files (one gzip-compressed) with
 * reweighting blocks: every observable, cut, efficiency and weight below is worked out by hand from
 * the particle lines (docs/math.md §11).
 */
class LheImportRunTest {
  @TempDir Path dir;

  static final String CONFIG =
      """
      setup: setup.yaml
      normalization: average
      samples:
        - {file: sm.lhe, sampledFrom: sm}
        - {file: plus.lhe.gz, sampledFrom: plus, kFactor: 2.0}
      weights: {sm: rwgt_sm, plus: rwgt_plus, minus: rwgt_minus}
      cuts:
        - "l[0].pt > 25"
        - "size(j) >= 2"
      efficiencies:
        - "l[0].pt > 40 ? 0.9 : 0.5"
      observables:
        - {name: pt_l0, expression: "l[0].pt"}
        - {name: m_ll, expression: "m(l[0], l[1])"}
        - {name: dphi_jj, expression: "deltaphi(j[0], j[1])"}
        - {name: eta_j0, expression: "j[0].eta"}
        - {name: met, expression: "met.pt"}
        - {name: pt_j2, expression: "j[2].pt", default: -1.0}
        - {name: ratio, expression: "j[0].pt / l[0].pt + 1"}
        - {name: pt_e, quantity: pt, particles: [11]}
      nuisances:
        - {name: mu, plus: mu_up, minus: mu_dn, systematic: scale}
      systematics:
        - {name: scale, type: scale, value: "0.5,1.0,2.0", scale: mu}
      """;

  /** Event 1 of sm.lhe: passes everything. */
  static final String SM_1 =
      fs(11, 30, 40, 0, 50)
          + fs(-13, 0, -20, 0, 20)
          + fs(21, -60, 0, 80, 100)
          + fs(2, 0, 30, 0, 30)
          + fs(4, 10, 0, 0, 10)
          + fs(12, 30, -50, 10, Math.sqrt(3500));

  private Path files() throws Exception {
    Files.writeString(dir.resolve("setup.yaml"), SETUP);
    Files.writeString(dir.resolve("import.yaml"), CONFIG);
    Object[] w = {"rwgt_plus", 12, "rwgt_minus", 8, "mu_up", 11, "mu_dn", 9};
    String sm =
        header("rwgt_plus", "rwgt_minus", "mu_up", "mu_dn")
            + event(10, SM_1, w)
            // leading lepton pT 20: fails the cut l[0].pt > 25
            + event(
                10,
                fs(11, 12, 16, 0, 20)
                    + fs(13, 9, 12, 0, 15)
                    + SM_1.substring(0, 0)
                    + fs(21, -60, 0, 80, 100)
                    + fs(2, 0, 30, 0, 30),
                w)
            // one lepton only: m(l[0], l[1]) cannot be computed and has no default
            + event(10, fs(11, 30, 40, 0, 50) + fs(21, -60, 0, 80, 100) + fs(2, 0, 30, 0, 30), w)
            + "</LesHouchesEvents>\n";
    Files.writeString(dir.resolve("sm.lhe"), sm);
    String plus =
        header("rwgt_sm", "rwgt_minus", "mu_up", "mu_dn")
            + event(
                6,
                fs(11, 0, 35, 0, 35)
                    + fs(13, 24, 0, 7, 25)
                    + fs(1, -50, 0, 0, 50)
                    + fs(21, 20, -20, 0, Math.sqrt(800)),
                "rwgt_sm",
                4,
                "rwgt_minus",
                3,
                "mu_up",
                6.6,
                "mu_dn",
                5.4)
            + "</LesHouchesEvents>\n";
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("plus.lhe.gz")))) {
      out.write(plus.getBytes(StandardCharsets.UTF_8));
    }
    return dir.resolve("import.yaml");
  }

  @Test
  void observablesCutsEfficienciesAndWeightsByHand() throws Exception {
    LheImport.Imported im = LheImport.run(files(), null, 1, Progress.NONE);
    EventSample e = im.events();
    assertEquals(4, im.eventsRead());
    assertEquals(1, im.failedCuts());
    assertEquals(1, im.failedObservables());
    assertEquals(2, e.size());
    assertEquals(
        List.of("pt_l0", "m_ll", "dphi_jj", "eta_j0", "met", "pt_j2", "ratio", "pt_e"),
        e.observables());
    // sm event 1: e (30,40,0,50), μ (0,−20,0,20): m² = 70² − (30² + 20²) = 3600; jets g (pT 60,
    // φ = π, η = asinh(80/60) = ln 3), u (pT 30, φ = π/2), c (pT 10); −Σ visible pT = (20, −50).
    // plus event: e (0,35,0,35), μ (24,0,7,25): m² = 60² − (24² + 35² + 7²) = 1750; jets d (pT 50,
    // φ = π, η = 0), g (pT √800, φ = −π/4): Δφ = 2π − 5π/4 = 3π/4; −Σ visible pT = (6, −15).
    double[] want = {
      50,
      60,
      Math.PI / 2,
      Math.log(3),
      Math.sqrt(2900),
      10,
      60.0 / 50 + 1,
      50,
      35,
      Math.sqrt(1750),
      3 * Math.PI / 4,
      0,
      Math.sqrt(261),
      -1,
      50.0 / 35 + 1,
      35
    };
    // tolerance: a few ulps of the largest intermediate (|p|² ~ 1e4) after square roots
    assertArrayEquals(want, e.x(), 1e-12);
    assertArrayEquals(new int[] {0, 1}, e.sampledFrom().orElseThrow());
    // weights / 4 events read (normalization: average); sm event: efficiency 0.9 (pT 50 > 40);
    // plus event: k-factor 2 × efficiency 0.5, its own benchmark's weight is XWGTUP = 6
    double[] w = {10 * 0.9 / 4, 12 * 0.9 / 4, 8 * 0.9 / 4, 4 * 1.0 / 4, 6 * 1.0 / 4, 3 * 1.0 / 4};
    assertArrayEquals(w, e.weights(), 1e-15);
    // nuisance weights: reference (sm) weight × weight id / XWGTUP
    double[] nw = {w[0] * 11 / 10, w[0] * 9 / 10, w[3] * 6.6 / 6, w[3] * 5.4 / 6};
    assertArrayEquals(nw, e.nuisanceWeights(), 1e-15);
    assertEquals(List.of("mu_plus", "mu_minus"), e.nuisances().benchmarks());
    assertEquals("sm", e.nuisances().reference());
    assertEquals("scale", im.systematics().systematicOf("mu"));
    assertEquals(List.of(3, 1), im.samples().stream().map(s -> (int) s.eventsRead()).toList());
    assertEquals(List.of(1, 1), im.samples().stream().map(s -> (int) s.eventsPassed()).toList());
    assertEquals("j[0].eta", im.definitions().get(3));
  }

  @Test
  void theEventFileReadsInMadMinersLayoutWithH5py() throws Exception {
    LheImport.Imported im = LheImport.run(files(), null, 1, Progress.NONE);
    Path out = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(out, im.events(), im.definitions(), im.systematics());
    // what MadMiner's load_madminer_settings and its event reader (utils/interfaces/hdf5.py) read:
    // S256 names decoded as ASCII, int64 flags, float64 values, weights n × (θ + nuisance columns)
    String got =
        H5py.run(
            """
            import sys, h5py
            f = h5py.File(sys.argv[1], 'r')
            s = lambda k: [x.decode('ascii') for x in f[k][()]]
            assert s('parameters/names') == ['theta']
            assert s('benchmarks/names') == ['sm', 'plus', 'minus', 'mu_plus', 'mu_minus']
            assert list(f['benchmarks/is_nuisance'][()]) == [0, 0, 0, 1, 1]
            assert list(f['benchmarks/is_reference'][()]) == [1, 0, 0, 0, 0]
            assert f['benchmarks/values'].shape == (5, 1)
            assert s('nuisance_parameters/names') == ['mu']
            assert s('nuisance_parameters/systematics') == ['scale']
            assert s('nuisance_parameters/benchmark_positive') == ['mu_plus']
            assert s('nuisance_parameters/benchmark_negative') == ['mu_minus']
            assert s('systematics/names') == ['scale'] and s('systematics/types') == ['scale']
            assert s('systematics/values') == ['0.5,1.0,2.0'] and s('systematics/scales') == ['mu']
            assert s('observables/names')[1] == 'm_ll'
            assert s('observables/definitions')[1] == 'm(l[0], l[1])'
            o = f['samples/observations']; w = f['samples/weights']
            assert o.dtype.str == '<f8' and o.shape == (2, 8) and w.shape == (2, 5)
            assert f['samples/sampling_benchmarks'].dtype.str == '<i8'
            print(list(f['samples/sampling_benchmarks'][()]), list(f['sample_summary/signal_events'][()]),
                  int(f['sample_summary/background_events'][()]))
            print(repr(float(w[0, 0])), repr(float(w[1, 1])), repr(float(w[0, 3])), repr(float(o[1, 1] ** 2)))
            """,
            out.toString());
    List<String> lines = got.strip().lines().toList();
    assertEquals("[0, 1] [1, 1, 0] 0", lines.get(0).replace("np.int64(", "").replace(")", ""));
    String[] v = lines.get(1).split(" ");
    assertEquals(2.25, Double.parseDouble(v[0]), 1e-15);
    assertEquals(1.5, Double.parseDouble(v[1]), 1e-15);
    assertEquals(2.475, Double.parseDouble(v[2]), 1e-15);
    // m_ll² = 1750 up to the rounding of the square root and its square
    assertEquals(1750, Double.parseDouble(v[3]), 1e-10);
  }

  @Test
  void smearingIsGaussianWithTheGivenResolutionAndSeeded() throws Exception {
    Files.writeString(dir.resolve("setup.yaml"), SETUP);
    StringBuilder lhe = new StringBuilder(header("rwgt_plus", "rwgt_minus"));
    int n = 2000;
    for (int i = 0; i < n; i++) {
      lhe.append(event(1, fs(11, 30, 40, 30, Math.sqrt(3400)), "rwgt_plus", 1, "rwgt_minus", 1));
    }
    Files.writeString(dir.resolve("e.lhe"), lhe.append("</LesHouchesEvents>\n"));
    Path cfg = dir.resolve("smear.yaml");
    Files.writeString(
        cfg,
        """
        setup: setup.yaml
        samples: [{file: e.lhe, sampledFrom: sm}]
        weights: {sm: nominal, plus: rwgt_plus, minus: rwgt_minus}
        smearing:
          - {particles: [11], pt: {absolute: 1.0, relative: 0.1}}
        observables:
          - {name: pt, expression: "e[0].pt"}
          - {name: eta, expression: "e[0].eta"}
          - {name: m, expression: "e[0].m"}
        """);
    EventSample a = LheImport.run(cfg, null, 7, Progress.NONE).events();
    // pT = 50, σ = 1 + 0.1 × 50 = 6: the sample mean and standard deviation of 2000 draws lie
    // within 5 standard errors (6/√2000 = 0.13 and 6/√4000 = 0.095) of 50 and 6
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += a.x(i, 0) / n;
    }
    double var = 0;
    for (int i = 0; i < n; i++) {
      var += (a.x(i, 0) - mean) * (a.x(i, 0) - mean) / (n - 1);
    }
    assertEquals(50, mean, 0.67);
    assertEquals(6, Math.sqrt(var), 0.48);
    // the direction and mass are kept: η = asinh(30/50), m = √(3400 − 3400) = 0
    assertEquals(Math.log(0.6 + Math.sqrt(1.36)), a.x(17, 1), 1e-12);
    assertEquals(0, a.x(17, 2), 1e-4);
    assertArrayEquals(a.x(), LheImport.run(cfg, null, 7, Progress.NONE).events().x(), 0);
    assertNotEquals(a.x(0, 0), LheImport.run(cfg, null, 8, Progress.NONE).events().x(0, 0));
  }

  @Test
  void smearingOneParticleByHand() {
    LheParticle p = new LheParticle(11, 1, 30, 40, 30, Math.sqrt(3400) + 0.0);
    LheSmearing.Rule pt = new LheSmearing.Rule(java.util.Set.of(11), false, 1, 0.1);
    LheParticle s = LheSmearing.smear(p, pt, 1);
    // pT 50 + (1 + 5) × 1 = 56: the momentum scales by 56/50 at fixed direction
    assertEquals(56, s.pt(), 1e-12);
    assertEquals(p.eta(), s.eta(), 1e-12);
    assertEquals(p.phi(), s.phi(), 1e-12);
    // energy: a massive particle (m = 10) with E = √(10² + |p|²); E' = E + (0 + 0.1 E) × (−1)
    LheParticle q = new LheParticle(5, 1, 30, 40, 0, Math.sqrt(100 + 2500));
    LheSmearing.Rule en = new LheSmearing.Rule(java.util.Set.of(5), true, 0, 0.1);
    LheParticle r = LheSmearing.smear(q, en, -1);
    assertEquals(0.9 * q.e(), r.e(), 1e-12);
    assertEquals(10, r.m(), 1e-9);
    assertEquals(q.phi(), r.phi(), 1e-12);
  }

  @Test
  void badConfigsAreOneClearMessage() throws Exception {
    Path cfg = files();
    String base = Files.readString(cfg);
    record Case(String from, String to, String message) {}
    for (Case c :
        List.of(
            new Case("l[0].pt > 25", "l[0].pt >", "cut 1: cannot parse"),
            new Case("l[0].pt > 25", "q[0].pt > 25", "unknown variable 'q'"),
            new Case("\"l[0].pt\"}", "\"l[0].foo\"}", "observable 'pt_l0': cannot evaluate"),
            new Case("\"met.pt\"}", "\"nosuch(met)\"}", "observable 'met': cannot evaluate"),
            new Case("sampledFrom: plus", "sampledFrom: bsm", "sampledFrom 'bsm' is not"),
            new Case("kFactor: 2.0", "kFactor: -1.0", "kFactor is -1.0"),
            new Case("rwgt_minus}", "rwgt_nope}", "weight id 'rwgt_nope' is not declared"),
            new Case("size(j) >= 2", "size(j)", "not true or false"),
            new Case("? 0.9 : 0.5", "? -0.9 : 0.5", "an efficiency must be ≥ 0"),
            new Case(
                "sm: rwgt_sm,",
                "sm: nominal,",
                "weights maps 'sm' to 'nominal' (XWGTUP), but plus.lhe.gz was generated at 'plus'"),
            // the language is restricted to expressions over the particles
            new Case("\"l[0].pt\"}", "\"j = 1\"}", "observable 'pt_l0': cannot parse"),
            new Case("\"l[0].pt\"}", "\"new('java.io.File', 'x')\"}", "observable 'pt_l0': cannot"),
            new Case(
                "\"l[0].pt\"}",
                "\"j.getClass().forName('java.lang.Runtime')\"}",
                "observable 'pt_l0': cannot evaluate"),
            new Case("\"l[0].pt\"}", "\"j.clear()\"}", "observable 'pt_l0': cannot evaluate"))) {
      Files.writeString(cfg, base.replace(c.from(), c.to()));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> LheImport.run(cfg, null, 1, Progress.NONE),
              c.to());
      assertTrue(e.getMessage().contains(c.message()), e.getMessage());
    }
  }
}
