package org.sbi4j.inference.protomodels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.Provenance;
import org.sbi4j.inference.histfactory.WorkspaceJson;
import org.sbi4j.inference.internal.ProvenanceFiles;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes a database folder (docs/formats.md, "Proto-model databases"): {@code
 * database.json} with the particles, the analyses' names and the combinable pairs, and one {@code
 * analyses/NAME.json} per analysis. Every error names the file and the key.
 */
public final class DatabaseJson {
  /** The value of the {@code format} key. */
  public static final String FORMAT = "sbi4j-protomodels-database";

  /**
   * The file beside {@code database.json} with the provenance of the run that wrote the database
   * (docs/formats.md §15, §17); no reader needs it, and it is not part of the database's identity.
   */
  public static final String PROVENANCE = "provenance.json";

  static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private DatabaseJson() {}

  /** Reads the database in folder {@code dir}. */
  public static Database read(Path dir) {
    Path index = dir.resolve("database.json");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "database " + dir + " is not a folder (a database is a folder with database.json)");
    }
    JsonNode root = tree(index);
    JsonFields f = new JsonFields(index, root, "");
    f.only("format", "version", "particles", "operators", "analyses", "combinable");
    if (!FORMAT.equals(f.string("format"))) {
      throw f.bad("format", "must be \"" + FORMAT + "\"");
    }
    if (f.integer("version") != 1) {
      throw f.bad("version", "only version 1 is supported");
    }
    List<Particle> particles = new ArrayList<>();
    for (JsonFields p : f.objects("particles")) {
      p.only("name", "massRange", "crossSection", "channels");
      double[] range = p.numbers("massRange");
      if (range.length != 2) {
        throw p.bad("massRange", "must be [min, max]");
      }
      JsonFields xs = p.object("crossSection");
      xs.only("mass", "fb");
      particles.add(
          p.wrap(
              () ->
                  new Particle(
                      p.string("name"),
                      range[0],
                      range[1],
                      xs.numbers("mass"),
                      xs.numbers("fb"),
                      p.strings("channels"))));
    }
    List<Parameter> operators = new ArrayList<>();
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (JsonFields o : f.has("operators") ? f.objects("operators") : List.<JsonFields>of()) {
      o.only("name", "range", "maxPower");
      double[] range = o.numbers("range");
      if (range.length != 2) {
        throw o.bad("range", "must be [min, max]");
      }
      int maxPower = o.has("maxPower") ? o.integer("maxPower") : 2;
      Parameter op =
          o.wrap(() -> new Parameter(o.string("name"), "", 0, maxPower, range[0], range[1]));
      if (byName.put(op.name(), op) != null) {
        throw f.bad("operators", "operator " + op.name() + " appears twice");
      }
      operators.add(op);
    }
    List<String> names = f.strings("analyses");
    List<Analysis> analyses = new ArrayList<>();
    for (String name : names) {
      if (!name.matches("[A-Za-z0-9._-]+")) {
        throw f.bad("analyses", "analysis name '" + name + "' must be letters, digits, . _ -");
      }
      analyses.add(analysis(dir.resolve("analyses").resolve(name + ".json"), name, byName));
    }
    int n = analyses.size();
    boolean[][] combinable = new boolean[n][n];
    JsonNode pairs = f.node("combinable");
    if (!pairs.isArray()) {
      throw f.bad("combinable", "must be a list of [name, name] pairs");
    }
    for (JsonNode pair : pairs) {
      if (!pair.isArray() || pair.size() != 2) {
        throw f.bad("combinable", "every entry must be a pair [name, name], got " + pair);
      }
      int a = names.indexOf(pair.get(0).asString());
      int b = names.indexOf(pair.get(1).asString());
      if (a < 0 || b < 0 || a == b) {
        throw f.bad("combinable", "pair " + pair + " must name two different listed analyses");
      }
      combinable[a][b] = true;
      combinable[b][a] = true;
    }
    return f.wrap(() -> new Database(particles, operators, analyses, combinable));
  }

  private static Analysis analysis(Path file, String name, Map<String, Parameter> operators) {
    JsonFields f = new JsonFields(file, tree(file), "");
    f.only("name", "luminosity", "likelihood", "efficiencies", "templates");
    if (!name.equals(f.string("name"))) {
      throw f.bad("name", "must be the file's name '" + name + "'");
    }
    double lumi = f.number("luminosity");
    if (!(lumi > 0)) {
      throw f.bad("luminosity", "must be positive (fb⁻¹)");
    }
    JsonFields l = f.object("likelihood");
    String type = l.string("type");
    AnalysisLikelihood likelihood =
        switch (type) {
          case "counting" -> {
            l.only("type", "regions", "covariance");
            List<JsonFields> regions = l.objects("regions");
            int m = regions.size();
            double[] n = new double[m];
            double[] b = new double[m];
            double[] d = new double[m];
            boolean cov = l.has("covariance");
            for (int i = 0; i < m; i++) {
              JsonFields r = regions.get(i);
              r.only("name", "observed", "background", "backgroundUncertainty");
              n[i] = r.number("observed");
              b[i] = r.number("background");
              d[i] = cov && !r.has("backgroundUncertainty") ? 1 : r.number("backgroundUncertainty");
            }
            double[][] c = cov ? l.matrix("covariance") : null;
            yield l.wrap(() -> new CountingLikelihood(n, b, d, c));
          }
          case "upperLimit" -> {
            l.only("type", "observedLimit", "expectedLimit");
            double obs = l.number("observedLimit") * lumi;
            double exp = l.number("expectedLimit") * lumi;
            yield l.wrap(() -> new UpperLimitLikelihood(new TruncatedGaussian(obs, exp)));
          }
          case "workspace" -> {
            l.only("type", "file");
            Path ws = file.resolveSibling(l.string("file"));
            yield l.wrap(() -> new WorkspaceLikelihood(WorkspaceJson.read(ws)));
          }
          default ->
              throw l.bad("type", "unknown type '" + type + "' (counting, upperLimit, workspace)");
        };
    List<EfficiencyMap> maps = new ArrayList<>();
    for (JsonFields e : f.objects("efficiencies")) {
      e.only("particle", "channel", "mass", "efficiency");
      maps.add(
          e.wrap(
              () ->
                  new EfficiencyMap(
                      e.string("particle"),
                      e.string("channel"),
                      e.numbers("mass"),
                      e.matrix("efficiency"))));
    }
    List<EftTemplate> templates = new ArrayList<>();
    for (JsonFields t : f.has("templates") ? f.objects("templates") : List.<JsonFields>of()) {
      templates.add(template(t, operators));
    }
    return f.wrap(() -> new Analysis(name, lumi, likelihood, maps, templates));
  }

  private static EftTemplate template(JsonFields t, Map<String, Parameter> operators) {
    t.only("operators", "maxOverallPower", "benchmarks", "yields");
    List<Parameter> params = new ArrayList<>();
    for (String op : t.strings("operators")) {
      Parameter p = operators.get(op);
      if (p == null) {
        throw t.bad(
            "operators",
            "unknown operator '" + op + "' (list it under operators in database.json)");
      }
      params.add(p);
    }
    int power = t.integer("maxOverallPower");
    List<Benchmark> benchmarks = new ArrayList<>();
    for (JsonFields b : t.objects("benchmarks")) {
      b.only("name", "theta");
      benchmarks.add(b.wrap(() -> new Benchmark(b.string("name"), b.numbers("theta"))));
    }
    double[][] yields = t.matrix("yields");
    return t.wrap(() -> new EftTemplate(MorphingSetup.of(params, benchmarks, power), yields));
  }

  private static JsonNode tree(Path file) {
    try {
      return MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("database file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          file + " is not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", "; "));
    }
  }

  /**
   * Writes {@code db} into folder {@code dir} (created if missing); workspace analyses are written
   * as {@code analyses/NAME-workspace.json}.
   */
  public static void write(Database db, Path dir) {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("format", FORMAT);
    index.put("version", 1);
    List<Object> particles = new ArrayList<>();
    for (Particle p : db.particles()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("massRange", new double[] {p.massMin(), p.massMax()});
      Map<String, Object> xs = new LinkedHashMap<>();
      xs.put("mass", p.tableMasses());
      xs.put("fb", p.crossSections());
      m.put("crossSection", xs);
      m.put("channels", p.channels());
      particles.add(m);
    }
    index.put("particles", particles);
    if (!db.operators().isEmpty()) {
      List<Object> operators = new ArrayList<>();
      for (Parameter o : db.operators()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("range", new double[] {o.min(), o.max()});
        m.put("maxPower", o.maxPower());
        operators.add(m);
      }
      index.put("operators", operators);
    }
    List<String> names = db.analyses().stream().map(Analysis::name).toList();
    index.put("analyses", names);
    List<List<String>> pairs = new ArrayList<>();
    for (int a = 0; a < names.size(); a++) {
      for (int b = a + 1; b < names.size(); b++) {
        if (db.combinable(a, b)) {
          pairs.add(List.of(names.get(a), names.get(b)));
        }
      }
    }
    index.put("combinable", pairs);
    Path analysesDir = dir.resolve("analyses");
    try {
      Files.createDirectories(analysesDir);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create " + analysesDir + ": " + e.getMessage());
    }
    for (Analysis a : db.analyses()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", a.name());
      m.put("luminosity", a.luminosity());
      m.put("likelihood", likelihood(a, analysesDir));
      List<Object> maps = new ArrayList<>();
      for (EfficiencyMap e : a.efficiencies()) {
        Map<String, Object> em = new LinkedHashMap<>();
        em.put("particle", e.particle());
        em.put("channel", e.channel());
        em.put("mass", e.masses());
        em.put("efficiency", e.efficiencies());
        maps.add(em);
      }
      m.put("efficiencies", maps);
      if (!a.templates().isEmpty()) {
        List<Object> templates = new ArrayList<>();
        for (EftTemplate t : a.templates()) {
          Map<String, Object> tm = new LinkedHashMap<>();
          tm.put("operators", t.operators());
          tm.put("maxOverallPower", t.setup().maxOverallPower());
          List<Object> benchmarks = new ArrayList<>();
          for (Benchmark b : t.setup().benchmarks()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("name", b.name());
            bm.put("theta", b.theta());
            benchmarks.add(bm);
          }
          tm.put("benchmarks", benchmarks);
          tm.put("yields", t.yields());
          templates.add(tm);
        }
        m.put("templates", templates);
      }
      AtomicFiles.writeString(
          analysesDir.resolve(a.name() + ".json"), MAPPER.writeValueAsString(m) + "\n");
    }
    ProvenanceFiles.write(dir.resolve(PROVENANCE), Provenance.current());
    AtomicFiles.writeString(dir.resolve("database.json"), MAPPER.writeValueAsString(index) + "\n");
  }

  private static Map<String, Object> likelihood(Analysis a, Path analysesDir) {
    Map<String, Object> l = new LinkedHashMap<>();
    if (a.likelihood() instanceof CountingLikelihood c) {
      l.put("type", "counting");
      List<Object> regions = new ArrayList<>();
      double[][] cov = c.covariance();
      for (int i = 0; i < c.regions(); i++) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", "SR" + (i + 1));
        r.put("observed", c.observed()[i]);
        r.put("background", c.background()[i]);
        r.put("backgroundUncertainty", Math.sqrt(cov[i][i]));
        regions.add(r);
      }
      l.put("regions", regions);
      if (c.correlated()) {
        l.put("covariance", cov);
      }
    } else if (a.likelihood() instanceof UpperLimitLikelihood u) {
      l.put("type", "upperLimit");
      l.put("observedLimit", u.limits().observedLimit() / a.luminosity());
      l.put("expectedLimit", u.limits().expectedLimit() / a.luminosity());
    } else if (a.likelihood() instanceof WorkspaceLikelihood w) {
      String file = a.name() + "-workspace.json";
      WorkspaceJson.write(w.workspace(), analysesDir.resolve(file));
      l.put("type", "workspace");
      l.put("file", file);
    }
    return l;
  }
}
