package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;

class ImportTest {
  @TempDir Path dir;

  private static final Path CONFIGS = Path.of("..", "configs");

  private Path configs() throws Exception {
    for (String f : List.of("setup.yaml", "csv-import.yaml")) {
      Files.copy(CONFIGS.resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("lhe-import.yaml"), SINGLE_FILE_MAPPING);
    return dir;
  }

  @Test
  void csvWithTheExampleMapping() throws Exception {
    Path d = configs();
    Path csv = d.resolve("events.csv");
    Files.writeString(
        csv,
        """
        pt_j1,w_sm,w_1,w_2,w_3,w_4,w_5,dphi_jj,benchmark,unused
        120.5,1,2,3,4,5,6,0.5,0,9
        80.25,0.1,0.2,0.3,0.4,0.5,0.6,2.5,0,9
        """);
    EventSample s = CsvImport.read(csv, d.resolve("csv-import.yaml"));
    assertEquals(List.of("pt_j1", "delta_phi_jj"), s.observables());
    assertArrayEquals(new double[] {120.5, 0.5, 80.25, 2.5}, s.x(), 0);
    assertEquals(6, s.weight(0, 5), 0);
    assertEquals(0.3, s.weight(1, 2), 0);
    assertArrayEquals(new int[] {0, 0}, s.sampledFrom().orElseThrow());

    Files.writeString(csv, "pt_j1,w_sm,w_1,w_2,w_3,w_4,dphi_jj,benchmark\n1,1,1,1,1,1,1,0\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CsvImport.read(csv, d.resolve("csv-import.yaml")));
    assertTrue(e.getMessage().contains("no column 'w_5'"), e.getMessage());
    Files.writeString(
        csv,
        "pt_j1,w_sm,w_1,w_2,w_3,w_4,w_5,dphi_jj,benchmark\n"
            + "1,1,1,1,1,1,1,1,0\n1,1,1,nan,1,1,1,1,0\n");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CsvImport.read(csv, d.resolve("csv-import.yaml")));
    assertTrue(e.getMessage().contains("line 3 field 4 is NaN"), e.getMessage());

    Path mapping = d.resolve("csv-import.yaml");
    Files.writeString(mapping, Files.readString(mapping).replace("  mixed: w_5\n", ""));
    e = assertThrows(IllegalArgumentException.class, () -> CsvImport.read(csv, mapping));
    assertTrue(e.getMessage().contains("benchmark 'mixed' has no weight column"), e.getMessage());
    Files.writeString(
        mapping,
        Files.readString(mapping)
            .replace("  sm: w_sm\n", "  sm: w_sm\n  mixed: w_5\n  bsm: w_5\n"));
    e = assertThrows(IllegalArgumentException.class, () -> CsvImport.read(csv, mapping));
    assertTrue(e.getMessage().contains("weights maps 'bsm'"), e.getMessage());
  }

  /** A mapping of the single-file reader {@link LheImport#read(Path, Path)}. */
  static final String SINGLE_FILE_MAPPING =
      """
      setup: setup.yaml
      normalization: average
      weights: {sm: nominal, w: rwgt_1, neg_w: rwgt_2, ww: rwgt_3, neg_ww: rwgt_4, mixed: rwgt_5}
      observables:
        - {name: pt_l1, quantity: pt, particles: [11, 13]}
        - {name: eta_l1, quantity: eta, particles: [11, 13]}
        - {name: m_ll, quantity: m_pair, particles: [11, 13]}
        - {name: delta_phi_ll, quantity: delta_phi, particles: [11, 13]}
        - {name: delta_eta_ll, quantity: delta_eta, particles: [11, 13]}
        - {name: pt_j1, quantity: pt, particles: [1, 2, 3, 4, 21]}
      """;

  static final String HEADER =
      """
      <LesHouchesEvents version="3.0">
      <header>
      <initrwgt>
      <weightgroup name="mg_reweighting" weight_name_strategy="includeIdInWeightName">
      <weight id="rwgt_1"> set param_card dim6 1 1.0 </weight>
      <weight id="rwgt_2"> set param_card dim6 1 -1.0 </weight>
      <weight id="rwgt_3"> set param_card dim6 2 1.0 </weight>
      <weight id="rwgt_4"> set param_card dim6 2 -1.0 </weight>
      <weight id="rwgt_5"> set param_card dim6 1 0.7 </weight>
      </weightgroup>
      </initrwgt>
      </header>
      <init>
      2212 2212 6.5e3 6.5e3 0 0 247000 247000 -4 1
      1.0e-01 1.0e-03 1.0e-01 1
      </init>
      """;

  static String event(double weight, String extra) {
    return """
        <event>
         6 1 %s 9.1e1 7.5e-03 1.3e-01
               21 -1 0 0 501 502 0.0 0.0 300.0 300.0 0.0 0.0 9.0
               21 -1 0 0 502 503 0.0 0.0 -200.0 200.0 0.0 0.0 9.0
               11  1 1 2 0 0 30.0 40.0 10.0 51.0 0.0 0.0 9.0
              -11  1 1 2 0 0 -6.0 -8.0 20.0 22.36 0.0 0.0 9.0
               13  2 1 2 0 0 1.0 1.0 1.0 5.0 0.0 0.0 9.0
               21  1 1 2 503 501 -24.0 -32.0 70.0 80.6 0.0 0.0 9.0
        <mgrwt> <rscale> 0 0.9E+02 </rscale> </mgrwt>
        <rwgt>
        <wgt id='rwgt_1'> 2.0e-01 </wgt>
        <wgt id='rwgt_2'> 3.0e-01 </wgt>
        <wgt id='rwgt_3'> 4.0e-01 </wgt>
        %s
        <wgt id='rwgt_5'> 6.0e-01 </wgt>
        </rwgt>
        </event>
        """
        .formatted(weight, extra);
  }

  @Test
  void lheWithTheExampleMapping() throws Exception {
    Path d = configs();
    Path lhe = d.resolve("events.lhe");
    String four = "<wgt id='rwgt_4'> 5.0e-01 </wgt>";
    Files.writeString(lhe, HEADER + event(0.1, four) + event(0.3, four) + "</LesHouchesEvents>\n");
    EventSample s = LheImport.read(lhe, d.resolve("lhe-import.yaml"));
    assertEquals(
        List.of("pt_l1", "eta_l1", "m_ll", "delta_phi_ll", "delta_eta_ll", "pt_j1"),
        s.observables());
    // leading lepton: (30, 40, 10) → pT 50; second: (−6, −8, 20) → pT 10 (status-2 muon ignored)
    assertEquals(50, s.x(0, 0), 1e-12);
    assertEquals(Math.log(0.2 + Math.sqrt(1.04)), s.x(0, 1), 1e-12);
    double e = 51 + 22.36;
    double m2 = e * e - 24 * 24 - 32 * 32 - 30 * 30;
    assertEquals(Math.sqrt(m2), s.x(0, 2), 1e-12);
    assertEquals(Math.PI, s.x(0, 3), 1e-12);
    assertEquals(40, s.x(0, 5), 1e-12);
    // 'average' normalisation: weights / 2 events; sm = nominal XWGTUP
    assertEquals(0.05, s.weight(0, 0), 1e-15);
    assertEquals(0.15, s.weight(1, 0), 1e-15);
    assertEquals(0.25, s.weight(1, 4), 1e-15);

    Files.writeString(lhe, HEADER + event(0.1, four) + event(0.3, "") + "</LesHouchesEvents>\n");
    IllegalArgumentException ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> LheImport.read(lhe, d.resolve("lhe-import.yaml")));
    assertTrue(ex.getMessage().contains("event 2 has no <wgt id='rwgt_4'>"), ex.getMessage());
    Files.writeString(
        lhe,
        HEADER
            + event(0.1, four)
            + event(0.3, four).replace("</rwgt>", "")
            + "</LesHouchesEvents>\n");
    ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> LheImport.read(lhe, d.resolve("lhe-import.yaml")));
    assertTrue(
        ex.getMessage().contains("malformed XML") && ex.getMessage().contains("event 2"),
        ex.getMessage());
    Files.writeString(
        lhe, HEADER.replace("rwgt_5", "rwgt_9") + event(0.1, four) + "</LesHouchesEvents>\n");
    ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> LheImport.read(lhe, d.resolve("lhe-import.yaml")));
    assertTrue(ex.getMessage().contains("weight id 'rwgt_5' is not declared"), ex.getMessage());
  }

  @Test
  void maliciousLheReadsNothingOutsideIt() throws Exception {
    Path d = configs();
    Path secret = d.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String four = "<wgt id='rwgt_4'> &xxe; </wgt>";
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE LesHouchesEvents [\n"
            + "  <!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">\n"
            + "  <!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n";
    Path lhe = d.resolve("evil.lhe");
    Files.writeString(lhe, xxe + HEADER + event(0.1, four) + "</LesHouchesEvents>\n");
    IllegalArgumentException ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> LheImport.read(lhe, d.resolve("lhe-import.yaml")));
    assertTrue(
        ex.getMessage().contains("DOCTYPE") || ex.getMessage().contains("entity"), ex.getMessage());
    assertFalse(ex.getMessage().contains("TOP-SECRET"), ex.getMessage());
    // without the DOCTYPE, an undeclared entity is an error, never an expansion
    Files.writeString(
        lhe, HEADER + event(0.1, "<wgt id='rwgt_4'> &lol2; </wgt>") + "</LesHouchesEvents>\n");
    ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> LheImport.read(lhe, d.resolve("lhe-import.yaml")));
    assertTrue(ex.getMessage().contains("event 1"), ex.getMessage());
  }
}
