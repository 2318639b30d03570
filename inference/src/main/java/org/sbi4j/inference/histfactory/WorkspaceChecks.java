package org.sbi4j.inference.histfactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Sample;

/** Consistency checks of a parsed workspace; each failure names the JSON path. */
final class WorkspaceChecks {
  private WorkspaceChecks() {}

  static void check(Workspace ws) {
    if (ws.channels().isEmpty()) {
      throw new IllegalArgumentException("channels: a workspace needs at least one channel");
    }
    Set<String> channelNames = new HashSet<>();
    Map<String, ModifierType> modifierTypes = new HashMap<>();
    for (int c = 0; c < ws.channels().size(); c++) {
      Channel channel = ws.channels().get(c);
      String cp = "channels[" + c + "]";
      if (!channelNames.add(channel.name())) {
        throw new IllegalArgumentException(
            cp + ".name: duplicate channel '" + channel.name() + "'");
      }
      if (channel.samples().isEmpty()) {
        throw new IllegalArgumentException(cp + ".samples: a channel needs at least one sample");
      }
      int bins = channel.bins();
      if (bins == 0) {
        throw new IllegalArgumentException(
            cp + ".samples[0].data: a sample needs at least one bin");
      }
      for (int s = 0; s < channel.samples().size(); s++) {
        checkSample(channel.samples().get(s), cp + ".samples[" + s + "]", bins, modifierTypes);
      }
    }
    Set<String> observed = new HashSet<>();
    for (int o = 0; o < ws.observations().size(); o++) {
      var obs = ws.observations().get(o);
      String op = "observations[" + o + "]";
      Channel channel = ws.channel(obs.name());
      if (channel == null) {
        throw new IllegalArgumentException(
            op + ".name: no channel '" + obs.name() + "' (channels: " + names(ws) + ")");
      }
      if (!observed.add(obs.name())) {
        throw new IllegalArgumentException(
            op + ".name: duplicate observation '" + obs.name() + "'");
      }
      if (obs.data().length != channel.bins()) {
        throw mismatch(op + ".data", obs.data().length, channel.bins(), obs.name());
      }
      for (int b = 0; b < obs.data().length; b++) {
        if (obs.data()[b] < 0) {
          throw new IllegalArgumentException(op + ".data[" + b + "]: counts must be ≥ 0");
        }
      }
    }
    for (int c = 0; c < ws.channels().size(); c++) {
      if (!observed.contains(ws.channels().get(c).name())) {
        throw new IllegalArgumentException(
            "observations: missing observation for channel '"
                + ws.channels().get(c).name()
                + "' (channels["
                + c
                + "])");
      }
    }
    if (ws.measurements().isEmpty()) {
      throw new IllegalArgumentException(
          "measurements: a workspace needs at least one measurement");
    }
    for (int m = 0; m < ws.measurements().size(); m++) {
      Measurement measurement = ws.measurements().get(m);
      ModifierType poiType = modifierTypes.get(measurement.poi());
      if (poiType == null) {
        throw new IllegalArgumentException(
            "measurements["
                + m
                + "].config.poi: unknown POI '"
                + measurement.poi()
                + "' (no modifier has that name)");
      }
      if (poiType == ModifierType.SHAPESYS
          || poiType == ModifierType.STATERROR
          || poiType == ModifierType.SHAPEFACTOR) {
        throw new IllegalArgumentException(
            "measurements["
                + m
                + "].config.poi: '"
                + measurement.poi()
                + "' is a per-bin "
                + poiType.jsonName()
                + " modifier; the POI must be a scalar parameter");
      }
    }
  }

  private static void checkSample(
      Sample sample, String sp, int bins, Map<String, ModifierType> modifierTypes) {
    if (sample.data().length != bins) {
      throw mismatch(sp + ".data", sample.data().length, bins, sample.name());
    }
    List<Modifier> modifiers = sample.modifiers();
    for (int m = 0; m < modifiers.size(); m++) {
      Modifier mod = modifiers.get(m);
      String mp = sp + ".modifiers[" + m + "]";
      ModifierType before = modifierTypes.putIfAbsent(mod.name(), mod.type());
      if (before != null && before != mod.type()) {
        throw new IllegalArgumentException(
            mp
                + ".type: modifier '"
                + mod.name()
                + "' is a "
                + before.jsonName()
                + " elsewhere, here a "
                + mod.type().jsonName());
      }
      switch (mod.type()) {
        case SHAPESYS, STATERROR -> {
          if (mod.data().length != bins) {
            throw mismatch(mp + ".data", mod.data().length, bins, sample.name());
          }
        }
        case HISTOSYS -> {
          if (mod.hiData().length != bins) {
            throw mismatch(mp + ".data.hi_data", mod.hiData().length, bins, sample.name());
          }
          if (mod.loData().length != bins) {
            throw mismatch(mp + ".data.lo_data", mod.loData().length, bins, sample.name());
          }
        }
        default -> {}
      }
    }
  }

  private static IllegalArgumentException mismatch(String path, int got, int bins, String what) {
    return new IllegalArgumentException(
        path + ": " + got + " bins where '" + what + "' has " + bins + " (mismatched bin counts)");
  }

  private static String names(Workspace ws) {
    return String.join(", ", ws.channels().stream().map(Channel::name).toList());
  }
}
