package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.steps.TrainStep;
import org.sbi4j.training.steps.TruthCheck;
import org.sbi4j.training.store.ModelFolder;

/**
 * Trains ALICES and SALLY on the quickstart's training samples and compares them with the
 * simulator's exact log r and score.
 */
final class TrainStage implements Stage {
  /**
   * ALICES: the architecture and learning-rate schedule of configs/train.yaml, 40 epochs instead of
   * 50, and gradientClip as in configs/train-gold.yaml. With the earlier config ([64, 64], 15
   * epochs) on 15 000 rows at 50 θ0 points its 95 % interval was [−0.601, 0.358] against the exact
   * [−0.388, 0.361]. 20 epochs are not enough: an under-trained network flattens log r̂ towards 0
   * at negative θ0, where dσ(z|θ0) has its zero, and widens the interval on that side. On the
   * quickstart's data, with 20 epochs 4 of 5 trainings (seeds, ensembles of 3, learning rate 3e−3)
   * put the lower 95 % bound more than 0.05 below the exact one; with 40 epochs (unnormalised) the
   * quickstart's seed is 0.017 (68 %) and 0.040 (95 %) off, but 2 of 3 other seeds are still
   * 0.065–0.14 off at 95 % without the normalisation of the limits stage (below). The QuickstartIT
   * holds every bound within 0.03 (68 %) / 0.05 (95 %) of the exact intervals for the default seed.
   *
   * <p>Measured with this config (bench/quickstart-seeds.sh, tables and the other recipes tried in
   * bench/results/quickstart-seeds.md; root seed/training-seed offset: ALICES minus exact, lower
   * and upper end; offset 0 is the quickstart itself), first as the limits stage scans it, r̂
   * normalised per θ to mean 1 under θ1 = 0 (LimitsStage#alices, docs/math.md §10.6), then the same
   * model unnormalised:
   *
   * <pre>
   *   seed/offset   normalised: 68 %     95 %                unnormalised: 95 %
   *   1/0           (−0.006, +0.009)   (−0.014, +0.012)      (−0.040, −0.001)
   *   1/1           (−0.010, −0.005)   (−0.034, −0.009)      (−0.047, +0.001)
   *   1/2           (−0.018, −0.002)   (−0.035, −0.002)      (−0.068, −0.007)
   *   2/0           (−0.016, −0.006)   (−0.020, −0.011)      (−0.057, +0.005)
   *   2/1           (−0.018, −0.010)   (−0.024, −0.017)      (−0.087, −0.024)
   *   2/2           (−0.015, +0.012)   (−0.025, +0.013)      (−0.013, +0.008)
   *   3/0           (−0.019, +0.007)   (−0.024, +0.012)      (−0.062, −0.010)
   *   3/1           (−0.012, −0.005)   (−0.017, −0.008)      (+0.006, −0.007)
   *   4/0           (−0.021, −0.000)   (−0.040, −0.001)      (−0.045, +0.015)
   *   4/1           (−0.016, +0.003)   (−0.041, +0.004)      (−0.045, −0.001)
   *   5/0           (−0.029, +0.012)   (−0.059, +0.026)      (−0.028, +0.008)
   *   5/1           (−0.015, +0.001)   (−0.047, −0.001)      (−0.080, −0.008)
   * </pre>
   *
   * Normalised, 11 of these 12 hold 0.03/0.05; seed 5/0 does not (0.059 at the lower 95 % end): its
   * E[r̂] is already ≈ 1 (0.995 at θ0 = −0.4), but the network is too flat in x, which no factor
   * per θ corrects.
   *
   * <p>Unnormalised, every lower bound is below the exact one: a bias, not only noise. Its cause,
   * measured on the trained models (x ~ p(x|0), 20 000 events): the interval's lower end hinges on
   * the Kullback–Leibler term E[−log r̂(x|θ0)] at θ0 ≈ −0.4, which these models underestimate by ≈
   * 0.025 of 0.19; about half of that is the tail x > 2.5, where dσ(z|θ0) has its zero and log
   * r(x|θ0) a dip of depth ≈ −3.4 that only ≈ 8 % of the rows reach, and half the normalisation
   * (E[r̂] = 1.007–1.025 instead of 1), which the limits stage removes. Optimiser settings on the
   * same rows do not remove the bias (α = 5 or 20, batch 64, learning rate 3e−3, an ensemble of two
   * 3×64 networks: 0.045–0.117 off at 95 % on the seeds tried), nor do more rows or more θ0 mass at
   * negative θ0 within 1.3× the CPU for every seed; the morphing-aware quadratic parameterisation
   * (docs/math.md §3.9) with this config cost 4.7× the CPU and was 0.052 off on seed 1/2.
   */
  static final String ALICES_CONFIG =
      """
      # quickstart ALICES config: configs/train.yaml's network and learning rates, 40 epochs,
      # gradientClip as in configs/train-gold.yaml
      hiddenLayers: [100, 100, 100]
      epochs: 40
      learningRate: 1.0e-3
      finalLearningRate: 1.0e-4
      gradientClip: 0.1
      """;

  /**
   * SALLY: smaller, for speed. Its limits histogram t̂ in bins of equal expected content, which
   * only needs t̂ to be a monotone function of the exact score (its correlation is ≈ 0.999).
   */
  static final String SALLY_CONFIG =
      """
      # quickstart SALLY config (smaller than configs/train.yaml's defaults, for speed)
      hiddenLayers: [64, 64]
      epochs: 15
      learningRate: 3.0e-3
      finalLearningRate: 1.0e-4
      gradientClip: 0.1
      """;

  @Override
  public String name() {
    return "train: ALICES and SALLY, compared with the exact likelihood";
  }

  @Override
  public void run(QuickstartContext context) {
    Path alicesConfig = context.out().resolve("train-quickstart-alices.yaml");
    Path sallyConfig = context.out().resolve("train-quickstart-sally.yaml");
    AtomicFiles.writeString(alicesConfig, ALICES_CONFIG);
    AtomicFiles.writeString(sallyConfig, SALLY_CONFIG);
    Path alices = context.out().resolve("models/alices");
    Path sally = context.out().resolve("models/sally");
    TrainStep.Result ra =
        TrainStep.run(
            new TrainStep.Request(
                Method.ALICES,
                context.get("trainRatio"),
                alicesConfig,
                alices,
                context.seed(5),
                null));
    TrainStep.Result rs =
        TrainStep.run(
            new TrainStep.Request(
                Method.SALLY,
                context.get("trainSally"),
                sallyConfig,
                sally,
                context.seed(6),
                null));
    var sim = Simulators.INTERFERENCE_1D.create();
    TruthCheck.Agreement a =
        TruthCheck.logRatio(
            ModelFolder.load(alices).ratioModel(),
            sim,
            new double[][] {{-1, 1}},
            5_000,
            context.seed(7));
    TruthCheck.Agreement s =
        TruthCheck.score(ModelFolder.load(sally).scoreModel(), sim, 5_000, context.seed(8));
    context.put("modelAlices", alices);
    context.put("modelSally", sally);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("alicesLogRatioMse", a.mse());
    summary.put("sallyScoreMse", s.mse());
    summary.put("sallyScoreCorrelation", s.correlation());
    summary.put("alicesSeconds", ra.seconds());
    summary.put("sallySeconds", rs.seconds());
    context.summary("train", summary);
    context.section(
        "Training",
        String.format(
            Locale.ROOT,
            "ALICES (`models/alices`, %d rows, %d epochs): E[(log r̂ − log r)²] = %.4f against the "
                + "exact log r over x ~ p(x|θ1 = 0) and θ0 ~ U(−1, 1). SALLY (`models/sally`): "
                + "E[(t̂ − t)²] = %.4f, correlation with the exact score %.4f. Configs: "
                + "`train-quickstart-alices.yaml`, `train-quickstart-sally.yaml`; each folder also "
                + "holds `model.onnx`.",
            ra.trainingRows(),
            ra.losses().size(),
            a.mse(),
            s.mse(),
            s.correlation()));
  }
}
