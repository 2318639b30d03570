package org.sbi4j.samples.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * How to turn LHE files into weighted events (YAML; example in {@code configs/lhe-import.yaml},
 * keys in docs/formats.md §9.2).
 *
 * @param setup path of the setup (YAML or event file), relative to the mapping file; {@code import
 *     lhe --setup} takes precedence
 * @param weights benchmark name → MadGraph weight id of {@code <initrwgt>} (e.g. {@code rwgt_1});
 *     the id {@code nominal} means the event weight XWGTUP
 * @param observables the observables to compute from the particles
 * @param normalization {@code average} (MadGraph's default event_norm: weights are divided by the
 *     number of events read from all files so that they sum to σ) or {@code sum} (each file's
 *     weights sum to σ: divided by the number of files)
 * @param samples the LHE files, each generated at one benchmark (for {@code import lhe})
 * @param cuts boolean expressions; an event is kept when all are true
 * @param efficiencies expressions giving a factor ≥ 0 that multiplies the event's weights
 * @param smearing Gaussian energy or pT smearing, per particle kind
 * @param nuisances nuisance parameters whose weights come from weight ids (scale, PDF variations)
 * @param nuisanceReference the θ benchmark the nuisance weights refer to (default: the first)
 * @param systematics the systematics the nuisance parameters come from (MadMiner's model)
 */
public record LheMapping(
    String setup,
    LinkedHashMap<String, String> weights,
    List<Observable> observables,
    String normalization,
    List<Sample> samples,
    List<String> cuts,
    List<String> efficiencies,
    List<Smearing> smearing,
    List<Nuisance> nuisances,
    String nuisanceReference,
    List<SystematicEntry> systematics) {

  /** The mapping of the single-file importer (no samples, cuts, smearing or nuisances). */
  public LheMapping(
      String setup,
      LinkedHashMap<String, String> weights,
      List<Observable> observables,
      String normalization) {
    this(setup, weights, observables, normalization, null, null, null, null, null, null, null);
  }

  /**
   * One observable: either an {@code expression} over the event's particles (docs/math.md §11) or a
   * {@code quantity} of particles selected by PDG id.
   *
   * <p>Quantities of one particle: {@code pt}, {@code eta}, {@code phi}, {@code m}, {@code e}; of a
   * pair: {@code pt_pair}, {@code m_pair}, {@code delta_phi} (|Δφ| in [0, π]), {@code delta_eta}
   * (|Δη|). A particle is the {@code index}-th (0 = hardest, by pT) final-state particle (status 1)
   * whose |PDG id| is in {@code particles}; the second one of a pair uses {@code particles2}
   * (default: the same list) and {@code index2} (default: index + 1).
   *
   * @param name observable name
   * @param quantity one of the quantities above
   * @param particles |PDG ids| selecting the (first) particle
   * @param index rank of the (first) particle by pT, default 0
   * @param particles2 |PDG ids| of the second particle of a pair
   * @param index2 rank of the second particle
   * @param expression an expression such as {@code m(l[0], l[1])} (instead of a quantity)
   * @param fallback value used when the expression cannot be evaluated for an event (YAML key
   *     {@code default}); absent: such events are dropped
   */
  public record Observable(
      String name,
      String quantity,
      List<Integer> particles,
      Integer index,
      List<Integer> particles2,
      Integer index2,
      String expression,
      @JsonProperty("default") Double fallback) {

    /** An observable given by a quantity. */
    public Observable(
        String name,
        String quantity,
        List<Integer> particles,
        Integer index,
        List<Integer> particles2,
        Integer index2) {
      this(name, quantity, particles, index, particles2, index2, null, null);
    }
  }

  /**
   * One LHE file.
   *
   * @param file path (plain or gzip-compressed), relative to the mapping file
   * @param sampledFrom the θ benchmark the events were generated at; absent for background
   * @param kFactor factor on every weight of the file (default 1)
   * @param background true: a background sample whose every θ weight is XWGTUP (no weight ids)
   */
  public record Sample(String file, String sampledFrom, Double kFactor, Boolean background) {}

  /**
   * Gaussian smearing of final-state particles whose |PDG id| is in {@code particles}: of the
   * energy or of the transverse momentum (not both), σ = absolute + relative × value.
   *
   * @param particles |PDG ids|
   * @param energy resolution of the energy
   * @param pt resolution of the transverse momentum
   */
  public record Smearing(List<Integer> particles, Resolution energy, Resolution pt) {}

  /**
   * A resolution σ = absolute + relative × value (GeV).
   *
   * @param absolute constant term (GeV), default 0
   * @param relative term proportional to the value, default 0
   */
  public record Resolution(Double absolute, Double relative) {}

  /**
   * A nuisance parameter: its weights at ν = +1 (and −1) are the weight ids' ratios to XWGTUP times
   * the weight at the reference benchmark.
   *
   * @param name nuisance parameter name
   * @param plus weight id at ν = +1
   * @param minus weight id at ν = −1; absent for a one-sided nuisance
   * @param systematic the systematic it comes from (default: its own name)
   */
  public record Nuisance(String name, String plus, String minus, String systematic) {}

  /**
   * An entry of the {@code systematics} group (MadMiner's model, docs/formats.md §1.5).
   *
   * @param name unique name
   * @param type norm, scale or pdf
   * @param value relative norm, scale factors or PDF set
   * @param scale mu, muf or mur for a scale systematic
   */
  public record SystematicEntry(String name, String type, String value, String scale) {}
}
