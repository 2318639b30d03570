package org.sbi4j.inference.protomodels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.Parameter;

/**
 * A database (docs/formats.md, docs/math.md §9): the particles and EFT operators model space is
 * made of, the analyses and which pairs of analyses may be combined (their likelihoods multiplied).
 */
public final class Database {
  private final List<Particle> particles;
  private final List<Parameter> operators;
  private final List<Analysis> analyses;
  private final boolean[][] combinable;
  private final int[][] mapParticle;
  private final int[][] mapChannel;
  private final int[][][] templateOperators;

  /** A database without EFT operators. */
  public Database(List<Particle> particles, List<Analysis> analyses, boolean[][] combinable) {
    this(particles, List.of(), analyses, combinable);
  }

  /**
   * @param particles the particles, unique names
   * @param operators the EFT operators (name, maxPower, coefficient range), unique names
   * @param analyses the analyses, unique names; every map names a particle and one of its channels,
   *     every template's operators are database operators
   * @param combinable symmetric, [i][j] true when analyses i and j may be combined (diagonal
   *     ignored)
   */
  public Database(
      List<Particle> particles,
      List<Parameter> operators,
      List<Analysis> analyses,
      boolean[][] combinable) {
    this.particles = List.copyOf(particles);
    this.operators = List.copyOf(operators);
    this.analyses = List.copyOf(analyses);
    int n = analyses.size();
    if (n == 0) {
      throw new InvalidValueException("analyses", "the database has no analysis");
    }
    if (particles.isEmpty() && operators.isEmpty()) {
      throw new InvalidValueException(
          "particles", "the database has no particle and no operator; list at least one");
    }
    Map<String, Integer> operatorIndex = new HashMap<>();
    for (int o = 0; o < operators.size(); o++) {
      if (operatorIndex.put(operators.get(o).name(), o) != null) {
        throw new InvalidValueException(
            "operators", "operator " + operators.get(o).name() + " appears twice");
      }
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int p = 0; p < particles.size(); p++) {
      if (byName.put(particles.get(p).name(), p) != null) {
        throw new InvalidValueException(
            "particles", "particle " + particles.get(p).name() + " appears twice");
      }
    }
    if (combinable.length != n) {
      throw new InvalidValueException("combinable", "needs one row per analysis");
    }
    this.combinable = new boolean[n][n];
    java.util.Set<String> names = new java.util.HashSet<>();
    this.mapParticle = new int[n][];
    this.mapChannel = new int[n][];
    this.templateOperators = new int[n][][];
    for (int a = 0; a < n; a++) {
      Analysis analysis = analyses.get(a);
      if (!names.add(analysis.name())) {
        throw new InvalidValueException(
            "analyses", "analysis " + analysis.name() + " appears twice");
      }
      for (int b = 0; b < n; b++) {
        if (combinable[a][b] != combinable[b][a]) {
          throw new InvalidValueException("combinable", "must be symmetric");
        }
        this.combinable[a][b] = a != b && combinable[a][b];
      }
      List<EfficiencyMap> maps = analysis.efficiencies();
      mapParticle[a] = new int[maps.size()];
      mapChannel[a] = new int[maps.size()];
      for (int k = 0; k < maps.size(); k++) {
        EfficiencyMap m = maps.get(k);
        Integer p = byName.get(m.particle());
        if (p == null) {
          throw new InvalidValueException(
              "efficiencies.particle",
              "analysis " + analysis.name() + ": unknown particle '" + m.particle() + "'");
        }
        int c = particles.get(p).channels().indexOf(m.channel());
        if (c < 0) {
          throw new InvalidValueException(
              "efficiencies.channel",
              "analysis "
                  + analysis.name()
                  + ": particle "
                  + m.particle()
                  + " has no channel '"
                  + m.channel()
                  + "'");
        }
        mapParticle[a][k] = p;
        mapChannel[a][k] = c;
      }
      List<EftTemplate> templates = analysis.templates();
      templateOperators[a] = new int[templates.size()][];
      for (int k = 0; k < templates.size(); k++) {
        List<String> ops = templates.get(k).operators();
        templateOperators[a][k] = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
          Integer o = operatorIndex.get(ops.get(i));
          if (o == null) {
            throw new InvalidValueException(
                "templates.operators",
                "analysis "
                    + analysis.name()
                    + ": unknown operator '"
                    + ops.get(i)
                    + "' (list it under operators in database.json)");
          }
          templateOperators[a][k][i] = o;
        }
      }
    }
  }

  /** The EFT operators: name, maxPower and the range of the coefficient. */
  public List<Parameter> operators() {
    return operators;
  }

  /** The operators' names. */
  public List<String> operatorNames() {
    return operators.stream().map(Parameter::name).toList();
  }

  /** The Standard Model of this database: no particle, no active operator. */
  public ProtoModel standardModel() {
    return ProtoModel.standardModel(particles.size(), operators.size());
  }

  /** The particles. */
  public List<Particle> particles() {
    return particles;
  }

  /** The analyses. */
  public List<Analysis> analyses() {
    return analyses;
  }

  /** Whether analyses {@code a} and {@code b} may be combined. */
  public boolean combinable(int a, int b) {
    return combinable[a][b];
  }

  /** The index of the analysis called {@code name}, or −1. */
  public int indexOf(String name) {
    for (int a = 0; a < analyses.size(); a++) {
      if (analyses.get(a).name().equals(name)) {
        return a;
      }
    }
    return -1;
  }

  /** The index of the particle called {@code name}, or −1. */
  public int particleIndex(String name) {
    for (int p = 0; p < particles.size(); p++) {
      if (particles.get(p).name().equals(name)) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Signal events per region of every analysis: s_ar = L_a Σ_p κ_p σ_p(m_p) Σ_c BR_pc ε_apcr(m_p) +
   * L_a Σ_t (Y_tr(θ) − Y_tr(0)) over its EFT templates t (docs/math.md §9.2).
   */
  public double[][] signals(ProtoModel model) {
    double[][] out = new double[analyses.size()][];
    double[] sigma = new double[particles.size()];
    for (int p : model.presentParticles()) {
      sigma[p] = model.strength(p) * particles.get(p).crossSection(model.mass(p));
    }
    for (int a = 0; a < out.length; a++) {
      Analysis analysis = analyses.get(a);
      out[a] = new double[analysis.likelihood().regions()];
      List<EfficiencyMap> maps = analysis.efficiencies();
      for (int k = 0; k < maps.size(); k++) {
        int p = mapParticle[a][k];
        if (!model.present(p)) {
          continue;
        }
        double br = model.branchings(p)[mapChannel[a][k]];
        if (br > 0 && sigma[p] > 0) {
          maps.get(k).accumulate(model.mass(p), analysis.luminosity() * sigma[p] * br, out[a]);
        }
      }
      List<EftTemplate> templates = analysis.templates();
      for (int k = 0; k < templates.size(); k++) {
        int[] ops = templateOperators[a][k];
        double[] theta = new double[ops.length];
        boolean any = false;
        for (int i = 0; i < ops.length; i++) {
          theta[i] = model.coefficient(ops[i]);
          any |= theta[i] != 0;
        }
        if (any) {
          templates.get(k).accumulate(theta, analysis.luminosity(), out[a]);
        }
      }
    }
    return out;
  }

  /**
   * A fake database: every analysis's observation redrawn from its Standard-Model likelihood,
   * analysis a with the seed {@code Seeds.derive(seed, a)} (docs/math.md §9.6).
   */
  public Database fake(long seed) {
    return drawn(seed, standardModel());
  }

  /**
   * This database with every analysis's observation drawn from its likelihood with the signal of
   * {@code model}, analysis a with the seed {@code Seeds.derive(seed, a)}.
   */
  public Database drawn(long seed, ProtoModel model) {
    double[][] signals = signals(model);
    List<Analysis> out = new ArrayList<>();
    for (int a = 0; a < analyses.size(); a++) {
      Analysis analysis = analyses.get(a);
      out.add(
          analysis.withLikelihood(
              analysis
                  .likelihood()
                  .drawn(
                      RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, a)), signals[a])));
    }
    return new Database(particles, operators, out, combinable);
  }
}
