package org.sbi4j.training.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sbi4j.training.internal.Nd4jRuntime;

/**
 * Each {@link LossTerm} against a naive closed form written out here, row by row: its value, its
 * derivatives by hand and by central differences, its SameDiff expression; and {@link BatchLoss}
 * (the fused engine's loss) against the per-row definitions.
 */
class LossTermTest {
  private static final int P = 2;
  private static final int ROWS = 40;
  private static final double W = 0.7;
  private static final double CLIP = 10;

  @BeforeAll
  static void setUp() {
    Nd4jRuntime.configure();
  }

  /** One random row: l, y, a joint log ratio and its joint labels, t̂ and t. */
  private record Row(double l, double y, double logR, double[] joint, double[] tHat, double[] t) {}

  private static Row[] rows(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    Row[] out = new Row[ROWS];
    for (int i = 0; i < ROWS; i++) {
      double logR = 8 * (2 * rng.nextDouble() - 1);
      double[] joint = new double[JointLabel.values().length];
      for (JointLabel j : JointLabel.values()) {
        joint[j.ordinal()] = j.of(logR);
      }
      double[] tHat = new double[P];
      double[] t = new double[P];
      for (int k = 0; k < P; k++) {
        tHat[k] = 2 * rng.nextDouble() - 1;
        t[k] = 2 * rng.nextDouble() - 1;
      }
      out[i] = new Row(8 * (2 * rng.nextDouble() - 1), i % 2, logR, joint, tHat, t);
    }
    return out;
  }

  /**
   * The term of one row, written out from docs/math.md §3 (ŝ = 1/(1 + r̂), r̂ = e^l, s = 1/(1 +
   * r)), or with {@code dLogRatio} its ∂/∂l, by hand: d log ŝ/dl = −(1 − ŝ), d log(1 − ŝ)/dl = ŝ.
   */
  private static double naive(LossTerm term, Row row, boolean dLogRatio) {
    double rHat = Math.exp(row.l());
    double sHat = 1 / (1 + rHat);
    double r = Math.exp(row.logR());
    double s = 1 / (1 + r);
    double y = row.y();
    if (dLogRatio) {
      return W
          * switch (term) {
            case LABEL_CROSS_ENTROPY -> y * (1 - sHat) - (1 - y) * sHat;
            case JOINT_CROSS_ENTROPY -> s * (1 - sHat) - (1 - s) * sHat;
            case RATIO_REGRESSION ->
                2 * y * (rHat - r) * rHat - 2 * (1 - y) * (1 / rHat - 1 / r) / rHat;
            case SCORE -> 0;
          };
    }
    return W
        * switch (term) {
          case LABEL_CROSS_ENTROPY -> -(y * Math.log(sHat) + (1 - y) * Math.log(1 - sHat));
          case JOINT_CROSS_ENTROPY -> -(s * Math.log(sHat) + (1 - s) * Math.log(1 - sHat));
          case RATIO_REGRESSION -> y * sq(rHat - r) + (1 - y) * sq(1 / rHat - 1 / r);
          case SCORE -> (1 - y) * (sq(row.tHat()[0] - row.t()[0]) + sq(row.tHat()[1] - row.t()[1]));
        };
  }

  private static double naiveDScore(LossTerm term, Row row, int k) {
    return term == LossTerm.SCORE ? 2 * W * (1 - row.y()) * (row.tHat()[k] - row.t()[k]) : 0;
  }

  private static double value(LossTerm term, Row row, double l, double[] tHat) {
    return term.value(W, l, tHat, row.t(), row.y(), row.joint());
  }

  @ParameterizedTest
  @EnumSource(LossTerm.class)
  void valueAndDerivativesMatchTheClosedFormAndFiniteDifferences(LossTerm term) {
    for (Row row : rows(11 + term.ordinal())) {
      double v = value(term, row, row.l(), row.tHat());
      double naive = naive(term, row, false);
      // float64, the same quantity by different formulas (softplus with log1p against log ŝ,
      // log(1 − ŝ)): 1 − ŝ loses ~ε/(1 − ŝ) ≤ 1e-16 e^8 ≈ 3e-13 relative at |l| ≤ 8, and
      // 1/r̂, 1/r against e^−l, e^−log r a few ε; 1e-10 relative is far above either.
      assertEquals(naive, v, 1e-10 * Math.max(1, Math.abs(naive)), term + " value at " + row);
      double d = term.dLogRatio(W, row.l(), row.tHat(), row.t(), row.y(), row.joint());
      double dNaive = naive(term, row, true);
      assertEquals(dNaive, d, 1e-10 * Math.max(1, Math.abs(dNaive)), term + " ∂l at " + row);
      // Central differences in float64 with h = 1e-5: truncation h² |f'''|/6 and rounding
      // ε |f|/h; with |f'''| ≲ 8 |f'| + 8 |f| (the e^{±2l} of RATIO_REGRESSION) and
      // |f| ≲ e^16, that is ~1e-9 relative to max(|f|, |f'|, 1): allow 1e-6.
      double h = 1e-5;
      double fd =
          (value(term, row, row.l() + h, row.tHat()) - value(term, row, row.l() - h, row.tHat()))
              / (2 * h);
      double scale = Math.max(1, Math.max(Math.abs(v), Math.abs(d)));
      assertEquals(fd, d, 1e-6 * scale, term + " ∂l finite differences at " + row);
      for (int k = 0; k < P; k++) {
        double dk = term.dScore(k, W, row.l(), row.tHat(), row.t(), row.y(), row.joint());
        double dkNaive = naiveDScore(term, row, k);
        // a product of three factors, in a different order: a few ε.
        assertEquals(dkNaive, dk, 1e-14 * Math.max(1, Math.abs(dkNaive)), term + " ∂t̂" + k);
        double[] up = row.tHat().clone();
        double[] down = row.tHat().clone();
        up[k] += h;
        down[k] -= h;
        // the term is quadratic in t̂: central differences are exact up to rounding, ε/h ≈ 1e-11.
        double fdk = (value(term, row, row.l(), up) - value(term, row, row.l(), down)) / (2 * h);
        assertEquals(fdk, dk, 1e-8, term + " ∂t̂" + k + " finite differences");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(LossTerm.class)
  void expressionMatchesTheValue(LossTerm term) {
    Row[] rows = rows(21 + term.ordinal());
    SameDiff sd = SameDiff.create();
    DataType type = DataType.DOUBLE;
    Map<JointLabel, SDVariable> joint = new EnumMap<>(JointLabel.class);
    for (JointLabel j : JointLabel.values()) {
      joint.put(j, sd.placeHolder(j.placeholder(), type, -1, 1));
    }
    LossTerm.GraphInputs in =
        new LossTerm.GraphInputs(
            sd,
            sd.placeHolder("l", type, -1, 1),
            sd.placeHolder("tHat", type, -1, P),
            sd.placeHolder("t", type, -1, P),
            sd.placeHolder("y", type, -1, 1),
            joint,
            P);
    SDVariable e = term.expression(in);
    Map<String, INDArray> feed = new java.util.HashMap<>();
    feed.put("l", column(rows, Row::l));
    feed.put("y", column(rows, Row::y));
    for (JointLabel j : JointLabel.values()) {
      feed.put(j.placeholder(), column(rows, r -> r.joint()[j.ordinal()]));
    }
    double[] tHat = new double[ROWS * P];
    double[] t = new double[ROWS * P];
    for (int i = 0; i < ROWS; i++) {
      System.arraycopy(rows[i].tHat(), 0, tHat, i * P, P);
      System.arraycopy(rows[i].t(), 0, t, i * P, P);
    }
    feed.put("tHat", Nd4j.create(tHat, new long[] {ROWS, P}, type));
    feed.put("t", Nd4j.create(t, new long[] {ROWS, P}, type));
    INDArray out = sd.output(feed, e.name()).get(e.name());
    for (int i = 0; i < ROWS; i++) {
      double v =
          term.value(1, rows[i].l(), rows[i].tHat(), rows[i].t(), rows[i].y(), rows[i].joint());
      // float64 on both sides, softplus by ND4J against log1p here: a few ε of e^8.
      assertEquals(v, out.getDouble(i, 0), 1e-12 * Math.max(1, Math.abs(v)), term + " row " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(RatioLoss.class)
  void batchLossIsTheMeanOfTheTermsOfItsRows(RatioLoss loss) {
    Row[] rows = rows(31 + loss.ordinal());
    int n = 7;
    int bp = 8;
    BatchLoss b = new BatchLoss(loss, W, CLIP, P, n);
    float[] out = new float[(1 + P) * bp];
    for (int i = 0; i < n; i++) {
      Row row = rows[i];
      // rows 0 and 1 lie beyond the clip, on either side: value at ±clip, no gradient to log r̂.
      out[i] = i == 0 ? 12f : i == 1 ? -11f : (float) row.l();
      b.y()[i] = row.y();
      for (JointLabel j : loss.jointLabels()) {
        b.joint(j)[i] = row.joint()[j.ordinal()];
      }
      for (int k = 0; k < P; k++) {
        out[(1 + k) * bp + i] = (float) row.tHat()[k];
        if (loss.usesScore()) {
          b.t()[i * P + k] = row.t()[k];
        }
      }
    }
    float[] dOut = new float[(1 + P) * bp];
    java.util.Arrays.fill(dOut, Float.NaN);
    double mean = b.evaluate(out, bp, n, dOut);
    double expected = 0;
    for (int i = 0; i < n; i++) {
      double l = Math.max(-CLIP, Math.min(CLIP, out[i]));
      double[] tHat = new double[P];
      for (int k = 0; k < P; k++) {
        tHat[k] = out[(1 + k) * bp + i];
      }
      double dl = 0;
      double[] dt = new double[P];
      for (LossTerm term : loss.terms()) {
        double w = loss.weight(term, W);
        expected += term.value(w, l, tHat, rows[i].t(), rows[i].y(), rows[i].joint()) / n;
        dl += term.dLogRatio(w, l, tHat, rows[i].t(), rows[i].y(), rows[i].joint());
        for (int k = 0; k < P; k++) {
          dt[k] += term.dScore(k, w, l, tHat, rows[i].t(), rows[i].y(), rows[i].joint());
        }
      }
      // The same float64 arithmetic, rounded once to float32: equal to within one float ulp.
      float dExpected = i < 2 ? 0f : (float) (dl / n);
      assertEquals(dExpected, dOut[i], Math.ulp(dExpected), loss + " ∂log r̂ row " + i);
      for (int k = 0; k < P; k++) {
        float e = (float) (dt[k] / n);
        assertEquals(e, dOut[(1 + k) * bp + i], Math.ulp(e), loss + " ∂t̂" + k + " row " + i);
      }
    }
    // float64, sums in a different order: 1e-12 relative.
    assertEquals(expected, mean, 1e-12 * Math.max(1, Math.abs(expected)), loss.toString());
    for (int k = 0; k <= P; k++) {
      assertEquals(0f, dOut[k * bp + n], 0f, loss + " padding row, block " + k);
    }
  }

  private static INDArray column(Row[] rows, java.util.function.ToDoubleFunction<Row> f) {
    double[] v = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      v[i] = f.applyAsDouble(rows[i]);
    }
    return Nd4j.create(v, new long[] {rows.length, 1}, DataType.DOUBLE);
  }

  private static double sq(double v) {
    return v * v;
  }
}
