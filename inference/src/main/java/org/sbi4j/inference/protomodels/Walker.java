package org.sbi4j.inference.protomodels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.Parameter;

/**
 * One walker (docs/math.md §9.5): from the Standard Model, each step proposes a neighbour (add or
 * remove a particle, move a mass, a signal strength or a branching ratio; add or remove an EFT
 * operator, move a coefficient), and a proposal that lowers K is undone with probability 1 −
 * exp((K_new − K_old)/2). An accepted model keeps its fitted strengths (κ ← μ̂ κ). Step t of walker
 * w draws from the seed {@code Seeds.derive(root, w, t)}, so a resumed walk ends where an
 * uninterrupted one does.
 */
public final class Walker {
  /** Width of a mass step, as a fraction of the particle's mass range. */
  static final double MASS_STEP = 0.1;

  /** Width of a step in ln κ. */
  static final double STRENGTH_STEP = 0.5;

  /** Width of a branching-ratio step. */
  static final double BRANCHING_STEP = 0.3;

  /** Width of a coefficient step, as a fraction of the operator's range. */
  static final double COEFFICIENT_STEP = 0.1;

  /** Branching ratios below this are closed. */
  static final double SMALLEST_BRANCHING = 1e-3;

  private final Combiner combiner;
  private final long root;

  /** A walker on {@code combiner}'s database, its steps seeded below {@code root}. */
  public Walker(Combiner combiner, long root) {
    this.combiner = combiner;
    this.root = root;
  }

  /** The state before the first step of walker {@code w}: the Standard Model. */
  public WalkerState start(int w) {
    ProtoModel sm = combiner.database().standardModel();
    Combiner.Evaluation ev = combiner.evaluate(sm);
    return new WalkerState(w, 0, sm, ev, sm, ev, new double[0], 0);
  }

  /**
   * Walks from {@code state} until {@code steps} steps are done, handing the state to {@code
   * checkpoint} every {@code every} steps and at the end.
   */
  public WalkerState walk(
      WalkerState state, int steps, int every, Consumer<WalkerState> checkpoint) {
    ProtoModel current = state.current();
    Combiner.Evaluation currentEv = state.currentEvaluation();
    ProtoModel best = state.best();
    Combiner.Evaluation bestEv = state.bestEvaluation();
    double[] trajectory = Arrays.copyOf(state.trajectory(), Math.max(steps, state.steps()));
    int accepted = state.accepted();
    for (int t = state.steps(); t < steps; t++) {
      UniformRandomProvider rng =
          RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(root, state.walker(), t));
      ProtoModel proposal = propose(current, rng);
      Combiner.Evaluation ev = combiner.evaluate(proposal);
      double u = rng.nextDouble();
      if (ev.k() >= currentEv.k() || u < Math.exp((ev.k() - currentEv.k()) / 2)) {
        current = ev.muHat() > 0 ? proposal.scaled(ev.muHat()) : proposal;
        currentEv = ev;
        accepted++;
        if (ev.k() > bestEv.k()) {
          best = current;
          bestEv = ev;
        }
      }
      trajectory[t] = currentEv.k();
      boolean last = t + 1 == steps;
      if (last || (every > 0 && (t + 1) % every == 0)) {
        WalkerState s =
            new WalkerState(
                state.walker(),
                t + 1,
                current,
                currentEv,
                best,
                bestEv,
                Arrays.copyOf(trajectory, t + 1),
                accepted);
        checkpoint.accept(s);
        if (last) {
          return s;
        }
      }
    }
    return state;
  }

  /** A neighbour of {@code model}. */
  ProtoModel propose(ProtoModel model, UniformRandomProvider rng) {
    List<Particle> particles = combiner.database().particles();
    List<Integer> present = model.presentParticles();
    List<Integer> absent = new ArrayList<>();
    for (int p = 0; p < particles.size(); p++) {
      if (!model.present(p)) {
        absent.add(p);
      }
    }
    List<Integer> kinds = new ArrayList<>();
    if (!absent.isEmpty()) {
      kinds.add(0);
    }
    if (!present.isEmpty()) {
      kinds.addAll(List.of(1, 2, 3));
      if (present.stream().anyMatch(p -> particles.get(p).channels().size() > 1)) {
        kinds.add(4);
      }
    }
    List<Parameter> operators = combiner.database().operators();
    List<Integer> active = model.activeOperators();
    if (active.size() < operators.size()) {
      kinds.add(5);
    }
    if (!active.isEmpty()) {
      kinds.addAll(List.of(6, 7));
    }
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    int kind = kinds.get(rng.nextInt(kinds.size()));
    switch (kind) {
      case 5 -> {
        List<Integer> inactive = new ArrayList<>();
        for (int o = 0; o < operators.size(); o++) {
          if (!model.active(o)) {
            inactive.add(o);
          }
        }
        int o = inactive.get(rng.nextInt(inactive.size()));
        Parameter op = operators.get(o);
        return model.withCoefficient(o, op.min() + rng.nextDouble() * (op.max() - op.min()));
      }
      case 6 -> {
        return model.withCoefficient(active.get(rng.nextInt(active.size())), 0);
      }
      case 7 -> {
        int o = active.get(rng.nextInt(active.size()));
        Parameter op = operators.get(o);
        double c =
            reflect(
                model.coefficient(o) + COEFFICIENT_STEP * (op.max() - op.min()) * gauss.sample(),
                op.min(),
                op.max());
        return model.withCoefficient(o, c);
      }
      case 0 -> {
        int p = absent.get(rng.nextInt(absent.size()));
        Particle particle = particles.get(p);
        double mass =
            particle.massMin() + rng.nextDouble() * (particle.massMax() - particle.massMin());
        double[] br = new double[particle.channels().size()];
        br[rng.nextInt(br.length)] = 1;
        return model.with(p, mass, 1, br);
      }
      case 1 -> {
        return model.without(present.get(rng.nextInt(present.size())));
      }
      case 2 -> {
        int p = present.get(rng.nextInt(present.size()));
        Particle particle = particles.get(p);
        double width = particle.massMax() - particle.massMin();
        double mass =
            reflect(
                model.mass(p) + MASS_STEP * width * gauss.sample(),
                particle.massMin(),
                particle.massMax());
        return model.with(p, mass, model.strength(p), model.branchings(p));
      }
      case 3 -> {
        int p = present.get(rng.nextInt(present.size()));
        double kappa = model.strength(p) * Math.exp(STRENGTH_STEP * gauss.sample());
        return model.with(p, model.mass(p), kappa, model.branchings(p));
      }
      default -> {
        List<Integer> open =
            present.stream().filter(p -> particles.get(p).channels().size() > 1).toList();
        int p = open.get(rng.nextInt(open.size()));
        double[] br = moveBranching(model.branchings(p), rng, gauss.sample());
        return model.with(p, model.mass(p), model.strength(p), br);
      }
    }
  }

  /**
   * Moves one channel's branching ratio by a Gaussian step, the others scaled to keep the sum 1.
   */
  static double[] moveBranching(double[] br, UniformRandomProvider rng, double z) {
    int c = rng.nextInt(br.length);
    double target = Math.min(1, Math.max(0, br[c] + BRANCHING_STEP * z));
    double others = 1 - br[c];
    double[] out = new double[br.length];
    if (others > 0) {
      for (int k = 0; k < br.length; k++) {
        out[k] = k == c ? target : br[k] * (1 - target) / others;
      }
    } else {
      int k = (c + 1 + rng.nextInt(br.length - 1)) % br.length;
      out[c] = target;
      out[k] = 1 - target;
    }
    double sum = 0;
    for (int k = 0; k < out.length; k++) {
      if (out[k] < SMALLEST_BRANCHING) {
        out[k] = 0;
      }
      sum += out[k];
    }
    for (int k = 0; k < out.length; k++) {
      out[k] /= sum;
    }
    return out;
  }

  /** x reflected into [lo, hi]. */
  static double reflect(double x, double lo, double hi) {
    double w = hi - lo;
    double y = (x - lo) % (2 * w);
    if (y < 0) {
      y += 2 * w;
    }
    return y <= w ? lo + y : hi - (y - w);
  }
}
