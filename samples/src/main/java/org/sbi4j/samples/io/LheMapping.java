package org.sbi4j.samples.io;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * How to turn an LHE file into weighted events (YAML; example in {@code configs/lhe-import.yaml}).
 *
 * @param setup path of the setup (YAML or event file), relative to the mapping file
 * @param weights benchmark name → MadGraph weight id of {@code <initrwgt>} (e.g. {@code rwgt_1});
 *     the id {@code nominal} means the event weight XWGTUP
 * @param observables the observables to compute from the particles
 * @param normalization {@code average} (MadGraph's default event_norm: weights are divided by the
 *     number of events so that they sum to σ) or {@code sum} (taken as they are)
 */
public record LheMapping(
    String setup,
    LinkedHashMap<String, String> weights,
    List<Observable> observables,
    String normalization) {

  /**
   * One observable.
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
   */
  public record Observable(
      String name,
      String quantity,
      List<Integer> particles,
      Integer index,
      List<Integer> particles2,
      Integer index2) {}
}
