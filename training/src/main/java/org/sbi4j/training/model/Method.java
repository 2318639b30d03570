package org.sbi4j.training.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sbi4j.samples.Column;
import org.sbi4j.training.losses.RatioLoss;

/**
 * The estimators of docs/math.md §3: SALLY (score network x → t̂ at θ_ref) and the six
 * parameterized ratio methods (network (θ0, x) → log r̂(x|θ0, θ1)), each with the loss of {@link
 * RatioLoss}.
 */
public enum Method {
  /** Score regression at the reference point: loss |t̂(x) − t(x,z|θ_ref)|². */
  SALLY(null),
  /** Cross-entropy classifier. */
  CARL(RatioLoss.CARL),
  /** Ratio regression. */
  ROLR(RatioLoss.ROLR),
  /** Cross-entropy with the joint-ratio soft labels. */
  ALICE(RatioLoss.ALICE),
  /** ROLR plus the score term. */
  RASCAL(RatioLoss.RASCAL),
  /** ALICE plus the score term. */
  ALICES(RatioLoss.ALICES),
  /** CARL plus the score term. */
  CASCAL(RatioLoss.CASCAL);

  private final RatioLoss loss;

  Method(RatioLoss loss) {
    this.loss = loss;
  }

  /** The ratio loss, or empty for SALLY. */
  public Optional<RatioLoss> ratioLoss() {
    return Optional.ofNullable(loss);
  }

  /** The training-sample columns this method reads besides x. */
  public Set<Column> requiredColumns() {
    return loss == null ? EnumSet.of(Column.T_XZ0) : loss.requiredColumns();
  }

  /** The lower-case name used on the command line and in model folders. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a method name, case-insensitively; an unknown name lists the known ones. */
  public static Method parse(String name) {
    for (Method m : values()) {
      if (m.name().equalsIgnoreCase(name.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown method '"
            + name
            + "'; use one of "
            + Arrays.stream(values()).map(Method::cliName).collect(Collectors.joining(", ")));
  }
}
