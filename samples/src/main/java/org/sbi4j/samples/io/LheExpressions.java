package org.sbi4j.samples.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * Observables, cuts and efficiencies of {@code import lhe} as Apache Commons JEXL expressions over
 * the particles of an event (docs/math.md §11): {@code j[0].pt}, {@code deltaphi(j[0], j[1])},
 * {@code m(l[0], l[1])}, {@code met.pt}, arithmetic and the functions of {@link LheFunctions}.
 *
 * <p>The language is restricted to expressions: no assignments, loops, object creation, lambdas or
 * pragmas, and only the listed variables; everything else is refused when the config is read.
 */
final class LheExpressions {
  private LheExpressions() {}

  /** Particle lists by variable name: |PDG ids| of the final-state particles each holds. */
  static final Map<String, Set<Integer>> KINDS = kinds();

  /** |PDG ids| of neutrinos (invisible: in no list, they make up {@code met}). */
  static final Set<Integer> NEUTRINOS = Set.of(12, 14, 16);

  private static Map<String, Set<Integer>> kinds() {
    Map<String, Set<Integer>> k = new LinkedHashMap<>();
    k.put("e", Set.of(11));
    k.put("mu", Set.of(13));
    k.put("l", Set.of(11, 13));
    k.put("a", Set.of(22));
    k.put("j", Set.of(1, 2, 3, 4, 5, 21));
    k.put("b", Set.of(5));
    return k;
  }

  /** Every variable an expression may use. */
  static final Set<String> VARIABLES = variables();

  private static Set<String> variables() {
    List<String> v = new ArrayList<>(KINDS.keySet());
    v.add("p");
    v.add("met");
    return Set.copyOf(v);
  }

  private static final JexlEngine ENGINE = engine();

  private static JexlEngine engine() {
    Map<String, Object> functions = new HashMap<>();
    functions.put(null, LheFunctions.class);
    JexlFeatures features =
        new JexlFeatures()
            .sideEffect(false)
            .sideEffectGlobal(false)
            .loops(false)
            .newInstance(false)
            .lambda(false)
            .annotation(false)
            .pragma(false)
            .localVar(false)
            .script(false);
    return new JexlBuilder()
        .namespaces(functions)
        .features(features)
        .permissions(JexlPermissions.RESTRICTED.compose("org.sbi4j.samples.io.*"))
        .strict(true)
        .silent(false)
        .safe(false)
        .cache(64)
        .create();
  }

  /** A checked expression; {@code what} names it in messages ("cut 2", "observable 'm_ll'"). */
  record Compiled(String what, String text, JexlScript script) {}

  /**
   * Parses {@code text}; a syntax error or an unknown variable is bad input naming {@code what}.
   */
  static Compiled compile(String what, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " has an empty expression; write one");
    }
    JexlScript s;
    try {
      s = ENGINE.createScript(text);
    } catch (JexlException e) {
      throw new IllegalArgumentException(
          what + ": cannot parse '" + text + "' (" + reason(e) + "); fix the expression");
    }
    for (List<String> path : s.getVariables()) {
      if (!VARIABLES.contains(path.get(0))) {
        throw new IllegalArgumentException(
            what
                + ": unknown variable '"
                + path.get(0)
                + "' in '"
                + text
                + "'; use "
                + new java.util.TreeSet<>(VARIABLES));
      }
    }
    return new Compiled(what, text, s);
  }

  /** The variables of one event: its final-state particles by kind, each list sorted by pT. */
  static JexlContext context(List<LheParticle> particles) {
    MapContext c = new MapContext();
    List<LheParticle> visible = new ArrayList<>();
    double mx = 0;
    double my = 0;
    for (LheParticle p : particles) {
      if (p.status() == 1 && !NEUTRINOS.contains(Math.abs(p.pdg()))) {
        visible.add(p);
        mx -= p.px();
        my -= p.py();
      }
    }
    visible.sort(Comparator.comparingDouble(LheParticle::pt).reversed());
    for (Map.Entry<String, Set<Integer>> k : KINDS.entrySet()) {
      c.set(
          k.getKey(),
          visible.stream().filter(p -> k.getValue().contains(Math.abs(p.pdg()))).toList());
    }
    c.set("p", List.copyOf(visible));
    c.set("met", new LheParticle(0, 1, mx, my, 0, Math.hypot(mx, my)));
    return c;
  }

  /**
   * The value of {@code c} for an event, or null when the event lacks a particle the expression
   * names ({@code j[2]} of a two-jet event) or the arithmetic fails there (a division by zero). Any
   * other failure (an unknown function or property) is bad input naming the expression.
   */
  static Object evaluate(Compiled c, JexlContext ctx) {
    try {
      return c.script().execute(ctx);
    } catch (JexlException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IndexOutOfBoundsException || cause instanceof ArithmeticException) {
        return null;
      }
      throw new IllegalArgumentException(
          c.what()
              + ": cannot evaluate '"
              + c.text()
              + "' ("
              + reason(e)
              + "); fix the expression");
    }
  }

  /** The number {@code c} gives, null when not computable or not finite. */
  static Double number(Compiled c, JexlContext ctx) {
    Object v = evaluate(c, ctx);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException(
          c.what() + ": '" + c.text() + "' gives " + v + ", not a number; fix the expression");
    }
    double d = n.doubleValue();
    return Double.isFinite(d) ? d : null;
  }

  /** Whether a cut holds; false when not computable. */
  static boolean holds(Compiled c, JexlContext ctx) {
    Object v = evaluate(c, ctx);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException(
          c.what()
              + ": '"
              + c.text()
              + "' gives "
              + v
              + ", not true or false; write a comparison such as 'j[0].pt > 30'");
    }
    return b;
  }

  private static String reason(JexlException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    // JEXL prefixes the Java location of the call ("Class.method:12@1:3 "): keep what follows
    int at = m.indexOf('@');
    int space = at < 0 ? -1 : m.indexOf(' ', at);
    return (space < 0 ? m : m.substring(space + 1)).replace('\n', ' ').trim();
  }
}
