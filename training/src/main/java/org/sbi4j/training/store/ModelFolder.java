package org.sbi4j.training.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Provenance;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.internal.Nd4jRuntime;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.model.MorphingAwareModel;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;
import org.sbi4j.training.model.ScoreModel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The model folder of docs/formats.md: {@code model.json} (method, names, scaling, architecture),
 * {@code weights.json} (every member's layers), {@code config.yaml} (the resolved config, usable as
 * {@code --config}), {@code history.json} (loss per epoch), {@code provenance.json} and {@code
 * model.onnx}. Every file is written atomically; {@link #load} validates all of it.
 */
public final class ModelFolder {
  /** Format version written to model.json; loading accepts versions up to this one. */
  public static final int FORMAT_VERSION = 3;

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** Reads provenance.json, whose fields older folders name differently (those are dropped). */
  private static final JsonMapper LENIENT =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /**
   * Where a model may be trusted (the {@code validity} object of model.json, docs/formats.md):
   * θ_ref for a SALLY model, the θ0 box of the training rows for a ratio model. Written from format
   * version 3 on; an older folder has none and loads without it.
   *
   * @param thetaRef θ_ref of a SALLY model, or null
   * @param theta0Range the θ0 box of a ratio model, p × {min, max}, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Validity(
      @JsonProperty("theta_ref") double[] thetaRef,
      @JsonProperty("theta0_range") double[][] theta0Range) {
    /** The record of {@code m}: θ_ref for SALLY, the θ0 range for a ratio model; null if none. */
    static Validity of(ModelData m) {
      if (m.isRatio()) {
        return new Validity(null, m.thetaRange());
      }
      return m.thetaRef() == null ? null : new Validity(m.thetaRef(), null);
    }
  }

  /**
   * Contents of model.json; {@code nuisance_names} (the trailing entries of {@code parameters} that
   * are nuisance parameters) is written only when there are some; {@code doubly_parameterized} and
   * {@code theta1_range} only for a doubly parameterised ratio model, {@code morphing_aware} only
   * for a morphing-aware one.
   */
  public record Header(
      int formatVersion,
      Method method,
      Precision precision,
      List<String> observables,
      List<String> parameters,
      Scaling xScaling,
      Scaling thetaScaling,
      double[][] thetaRange,
      Activation activation,
      List<Integer> hiddenLayers,
      int members,
      @JsonProperty("nuisance_names") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<String> nuisanceNames,
      @JsonInclude(JsonInclude.Include.NON_NULL) Validity validity,
      @JsonProperty("doubly_parameterized") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          boolean doublyParameterized,
      @JsonProperty("theta1_range") @JsonInclude(JsonInclude.Include.NON_NULL)
          double[][] theta1Range,
      @JsonProperty("morphing_aware") @JsonInclude(JsonInclude.Include.NON_NULL)
          MorphingAware morphingAware) {}

  /** Contents of weights.json. */
  public record Weights(List<List<Network.Dense>> members) {}

  /**
   * A loaded folder.
   *
   * @param model the model
   * @param config the resolved training config
   * @param history loss per epoch
   * @param provenance where it came from
   */
  public record Loaded(
      ModelData model, TrainingConfig config, List<EpochReport> history, Provenance provenance) {
    /** The model as a ratio estimator (ratio methods). */
    public RatioModel ratioModel() {
      return new RatioModel(model);
    }

    /** The model as a morphing-aware ratio estimator (docs/math.md §3.9). */
    public MorphingAwareModel morphingAwareModel() {
      return MorphingAwareModel.of(model);
    }

    /** The model as a score estimator (SALLY). */
    public ScoreModel scoreModel() {
      return new ScoreModel(model);
    }
  }

  private ModelFolder() {}

  /**
   * Writes the folder {@code dir} (created if needed; existing files are replaced).
   *
   * @param trainingFile the file trained on, hashed into the provenance, or null
   */
  public static void save(Path dir, TrainingOutcome outcome, Path trainingFile) {
    ModelData m = outcome.model();
    Network first = m.members().get(0);
    Header header =
        new Header(
            FORMAT_VERSION,
            m.method(),
            m.precision(),
            m.observables(),
            m.parameters(),
            m.xScaling(),
            m.thetaScaling(),
            m.thetaRange(),
            first.activation(),
            first.hiddenWidths(),
            m.members().size(),
            m.nuisanceNames(),
            Validity.of(m),
            m.doublyParameterized(),
            m.theta1Range(),
            m.morphingAware());
    List<List<Network.Dense>> layers = new ArrayList<>();
    for (Network n : m.members()) {
      layers.add(n.layers());
    }
    writeJson(dir.resolve("model.json"), header);
    writeJson(dir.resolve("weights.json"), new Weights(layers));
    writeJson(dir.resolve("history.json"), outcome.history());
    writeJson(dir.resolve("provenance.json"), provenance(outcome, trainingFile));
    AtomicFiles.writeString(
        dir.resolve("config.yaml"),
        "# resolved training config of this model (usable as a training config file)\n"
            + YAMLMapper.builder().build().writeValueAsString(outcome.config()));
    OnnxExport.write(m, dir.resolve("model.onnx"));
    FolderIntegrity.record(dir);
  }

  /**
   * Reads {@code dir} like {@link #load(Path)} and checks that its recorded method, observables (in
   * order) and parameters (in order) are the ones the caller expects; a null expectation is not
   * checked.
   */
  public static Loaded load(
      Path dir, Method method, List<String> observables, List<String> parameters) {
    Loaded l = load(dir);
    ModelData m = l.model();
    if (method != null && m.method() != method) {
      throw new IllegalArgumentException(
          "model "
              + dir
              + " was trained with method "
              + m.method().cliName()
              + " but "
              + method.cliName()
              + " is expected; use a "
              + method.cliName()
              + " model");
    }
    if (observables != null && !m.observables().equals(observables)) {
      throw new IllegalArgumentException(
          "model "
              + dir
              + " was trained on observables "
              + m.observables()
              + " but the input has "
              + observables
              + "; use matching inputs");
    }
    if (parameters != null && !m.parameters().equals(parameters)) {
      throw new IllegalArgumentException(
          "model "
              + dir
              + " was trained for parameters "
              + m.parameters()
              + " but "
              + parameters
              + " are given; use the model's parameters");
    }
    return l;
  }

  /** Reads and validates the folder {@code dir} (hashes verified for format version ≥ 2). */
  public static Loaded load(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidValueException(
          "modelFolder",
          dir + " is a file, not a model folder; give the folder a model was saved to");
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidValueException(
          "modelFolder", "model folder " + dir + " does not exist; train a model into it first");
    }
    Header h = read(dir, "model.json", Header.class);
    if (h.formatVersion() < 1 || h.formatVersion() > FORMAT_VERSION) {
      throw new IllegalArgumentException(
          dir
              + "/model.json has format version "
              + h.formatVersion()
              + "; this sbi4j reads 1.."
              + FORMAT_VERSION
              + ", upgrade sbi4j");
    }
    FolderIntegrity.verify(dir, h.formatVersion());
    Weights w = read(dir, "weights.json", Weights.class);
    if (w.members() == null || w.members().size() != h.members()) {
      throw new IllegalArgumentException(
          dir
              + "/weights.json has "
              + (w.members() == null ? 0 : w.members().size())
              + " members but model.json says "
              + h.members());
    }
    List<Network> nets = new ArrayList<>();
    for (List<Network.Dense> layers : w.members()) {
      Network n = new Network(h.activation(), layers);
      if (!n.hiddenWidths().equals(h.hiddenLayers())) {
        throw new IllegalArgumentException(
            dir
                + "/weights.json has hidden layers "
                + n.hiddenWidths()
                + " but model.json says "
                + h.hiddenLayers());
      }
      nets.add(n);
    }
    if (h.doublyParameterized() != (h.theta1Range() != null)) {
      throw new IllegalArgumentException(
          dir
              + "/model.json has doubly_parameterized "
              + h.doublyParameterized()
              + (h.theta1Range() == null ? " without" : " with")
              + " a theta1_range; a doubly parameterised model needs both, any other neither");
    }
    ModelData model;
    try {
      model =
          new ModelData(
              h.method(),
              h.precision(),
              h.observables(),
              h.parameters(),
              h.xScaling(),
              h.thetaScaling(),
              h.thetaRange(),
              nets,
              h.nuisanceNames() == null ? List.of() : h.nuisanceNames(),
              h.validity() == null ? null : h.validity().thetaRef(),
              h.theta1Range(),
              h.morphingAware());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(dir + " is not a valid model folder: " + e.getMessage());
    }
    TrainingConfig config =
        org.sbi4j.samples.io.Configs.load(
            FolderIntegrity.inside(dir, "config.yaml"), TrainingConfig.class);
    List<EpochReport> history = List.of(read(dir, "history.json", EpochReport[].class));
    Provenance provenance = read(LENIENT, dir, "provenance.json", Provenance.class);
    return new Loaded(model, config, history, provenance);
  }

  private static void writeJson(Path file, Object value) {
    AtomicFiles.writeString(file, JSON.writeValueAsString(value) + "\n");
  }

  private static <T> T read(Path dir, String name, Class<T> type) {
    return read(JSON, dir, name, type);
  }

  /**
   * The run's provenance (docs/formats.md §17) with the training file among the inputs, the
   * training seed as "seed" and each ensemble member's as "member1", "member2", ..., and the ND4J
   * backend in the runtime.
   */
  static Provenance provenance(TrainingOutcome outcome, Path trainingFile) {
    Provenance p = Provenance.current();
    if (trainingFile != null) {
      p = p.withInput(trainingFile);
    }
    Map<String, Long> seeds = new LinkedHashMap<>();
    seeds.put("seed", outcome.seed());
    for (int i = 0; i < outcome.memberSeeds().size(); i++) {
      seeds.put("member" + (i + 1), outcome.memberSeeds().get(i));
    }
    return p.withSeeds(seeds).withRuntime("nd4jBackend", Nd4jRuntime.backend());
  }

  private static <T> T read(JsonMapper mapper, Path dir, String name, Class<T> type) {
    Path f = FolderIntegrity.inside(dir, name);
    try {
      T v = mapper.readValue(Files.readString(f), type);
      if (v == null) {
        throw new IllegalArgumentException(f + " is empty");
      }
      return v;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "model folder " + dir + " lacks " + name + "; it is incomplete or not a model folder");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage());
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          f + ": " + org.sbi4j.samples.io.JacksonMessages.describe(e, "JSON"));
    }
  }
}
