package org.sbi4j.inference.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CLs against external answers, at μ = 1 (q₀ at μ = 0) with normsys code1 and histosys code0, as
 * pyhf's validation test builds its models. The specs of pyhf's tests/test_validation.py are stored
 * as workspaces in src/test/resources/histfactory/validation.
 *
 * <p>Published: the numbers in pyhf's tests/test_validation.py (checked there against ROOT), to
 * 1e−4 relative. Two entries carry the published numbers' own optimiser tolerance: the q₀ case
 * (pyhf's test allows 3e−4; pyhf at a 1e−12 tolerance is 3.3e−4 from it at the −2σ entry) and
 * 2bin_2channel_couplednorm (pyhf at a 1e−12 tolerance is 1.2e−4 from the published −2σ entry).
 *
 * <p>Converged pyhf: pyhf (scikit-hep/pyhf at commit b3dc4bb, numpy backend, scipy optimiser with
 * tolerance 1e−12) run on these very files by {@code pyhf.infer.hypotest(mu, ws.data(model), model,
 * return_expected_set=True, test_stat=…)} with {@code modifier_settings} normsys code1, histosys
 * code0; compared to 2e−6 relative (both fits converge to ~1e−8 in −ln L).
 */
class PyhfValidationTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "1bin_shapesys",
            "q",
            1e-4,
            0.45418892944576333,
            new double[] {
              0.06372011644331387,
              0.1509686618126131,
              0.3279657430196915,
              0.604613569829645,
              0.8662652332047568
            },
            0.4541865306457108,
            new double[] {
              0.06371798312116048,
              0.15096501540500631,
              0.3279606692062431,
              0.6046087055239755,
              0.8662627478688866
            }),
        Arguments.of(
            "1bin_shapesys_q0",
            "q0",
            4e-4,
            0.003936883191585841,
            new double[] {
              1.2204714710520103e-05,
              0.0006405237426269669,
              0.013202867164405075,
              0.11119604157594337,
              0.41286079728391695
            },
            0.003936878440203589,
            new double[] {
              1.2208770608485437e-05,
              0.0006406911326735086,
              0.013205408592096372,
              0.11121023644542061,
              0.41288996420373
            }),
        Arguments.of(
            "1bin_lumi",
            "q",
            1e-4,
            0.010473144401519705,
            new double[] {
              0.01060400765567206,
              0.04022451457730529,
              0.13614632580079802,
              0.37078985531427255,
              0.7110468540175344
            },
            0.010472828750241865,
            new double[] {
              0.0106035054288205,
              0.04022308205513458,
              0.13614299948646902,
              0.3707845337133554,
              0.7110423166998745
            }),
        Arguments.of(
            "1bin_normsys",
            "q",
            1e-4,
            0.0006735336290569807,
            new double[] {
              7.472581399417304e-10,
              5.741738272450336e-08,
              3.690120950161796e-06,
              0.00016966882793076826,
              0.004392935288879465
            },
            0.0006735341327986302,
            new double[] {
              7.472800803486888e-10,
              5.741882543435477e-08,
              3.690198177990904e-06,
              0.00016967167623081972,
              0.004392991274373624
            }),
        Arguments.of(
            "2bin_histosys",
            "q",
            1e-4,
            0.1001463460725534,
            new double[] {
              7.133904244038431e-06,
              0.00012547100627138575,
              0.001880010666437615,
              0.02078964907605385,
              0.13692494523572218
            },
            0.10014623466032047,
            new double[] {
              7.133994948777418e-06,
              0.0001254635480593288,
              0.0018799233089521164,
              0.020788944086613824,
              0.13692191313959262
            }),
        Arguments.of(
            "2bin_2channel",
            "q",
            1e-4,
            0.0563327694384318,
            new double[] {
              0.0004349234603527283,
              0.003422361539161119,
              0.02337454317608372,
              0.12186650297311125,
              0.40382274594391104
            },
            0.05633263021715635,
            new double[] {
              0.0004349139056370768,
              0.0034223022674956475,
              0.023374243855209385,
              0.12186546150983424,
              0.4038208147371019
            }),
        Arguments.of(
            "2bin_2channel_couplednorm",
            "q",
            1.5e-4,
            0.5906216823766879,
            new double[] {
              0.05522270453784095,
              0.1361301880753241,
              0.30686879632329855,
              0.5839437910061168,
              0.8554708284963864
            },
            0.5906276305674565,
            new double[] {
              0.05522924728160883,
              0.13614192000776304,
              0.30688584779003414,
              0.5839608664110777,
              0.8554799414288083
            }),
        Arguments.of(
            "2bin_2channel_coupledhistosys",
            "q",
            1e-4,
            0.07967400132261188,
            new double[] {
              1.7654378902209275e-05,
              0.00026266409358853543,
              0.0033401113778672156,
              0.03152286332324451,
              0.17907927340107824
            },
            0.07967399073880078,
            new double[] {
              1.7653746210127582e-05,
              0.0002626564441020158,
              0.003340036088667826,
              0.03152235275928426,
              0.1790774281923534
            }),
        Arguments.of(
            "2bin_2channel_coupledshapefactor",
            "q",
            1e-4,
            0.5421679124909312,
            new double[] {
              0.013753299929451691,
              0.048887400056355966,
              0.15555296253957684,
              0.4007561343326305,
              0.7357169630955912
            },
            0.5421679140403466,
            new double[] {
              0.013753300845117488,
              0.04888740249129861,
              0.15555296781066474,
              0.40075614219455447,
              0.7357169693449476
            }));
  }

  static final Path DIR = Path.of("src/test/resources/histfactory/validation");

  static AsymptoticCalculator.Result run(String name, String stat) {
    Workspace ws = WorkspaceJson.read(DIR.resolve(name + ".json"));
    HistFactoryModel model =
        HistFactoryModel.of(ws, null, Interpolation.CODE1, Interpolation.CODE0);
    TestStatistic ts = TestStatistic.parse(stat);
    AsymptoticCalculator calc =
        new AsymptoticCalculator(new Fitter(model), model.observedData(), ts);
    return calc.test(ts == TestStatistic.Q0 ? 0 : 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void clsMatchesPublishedAndConvergedPyhf(
      String name,
      String stat,
      double tol,
      double observed,
      double[] expected,
      double pyhfObserved,
      double[] pyhfExpected) {
    AsymptoticCalculator.Result r = run(name, stat);
    assertEquals(observed, r.clsObserved(), tol * observed, name + " observed vs published");
    assertEquals(pyhfObserved, r.clsObserved(), 2e-6 * pyhfObserved, name + " observed vs pyhf");
    for (int i = 0; i < 5; i++) {
      double e = r.clsExpected()[i];
      assertEquals(expected[i], e, tol * expected[i], name + " expected " + i + " vs published");
      assertEquals(
          pyhfExpected[i], e, 2e-6 * pyhfExpected[i], name + " expected " + i + " vs pyhf");
    }
  }

  /**
   * The ROOT reference of pyhf's test_shapesys_nuisparfilter_validation: q̃ (pyhf's default) with
   * the workspace defaults normsys code4 and histosys code4p; shapesys with a zero-uncertainty bin
   * (its γ fixed) and a parameter config of a parameter that no modifier uses. pyhf's test allows
   * 1e−4 absolute; here 1e−4 relative.
   */
  @org.junit.jupiter.api.Test
  void rootReferenceWithQtildeAndDefaultCodes() {
    Workspace ws = WorkspaceJson.read(DIR.resolve("shapesys_nuisparfilter.json"));
    HistFactoryModel model = HistFactoryModel.of(ws);
    AsymptoticCalculator.Result r =
        new AsymptoticCalculator(new Fitter(model), model.observedData(), TestStatistic.QTILDE)
            .test(1.0);
    double[] root = {
      2.702197937866914e-05,
      0.00037099917612576155,
      0.004360634386335687,
      0.03815031509701916,
      0.20203027564155074
    };
    assertEquals(0.004360634405484502, r.clsObserved(), 1e-4 * 0.004360634405484502);
    for (int i = 0; i < 5; i++) {
      assertEquals(root[i], r.clsExpected()[i], 1e-4 * root[i], "expected " + i);
    }
  }
}
