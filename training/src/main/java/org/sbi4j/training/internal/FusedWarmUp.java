package org.sbi4j.training.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.simd.DenseKernel;

/**
 * Runs the fused engine's batch pass on a throw-away network and batch in a daemon thread, so that
 * the JIT compiles its kernels (the Vector API is very slow until it does) while the training
 * sample is read on the other core; {@link #close} stops it. It shares no state with a training
 * run, so it changes no result, only when the first epoch reaches full speed.
 */
public final class FusedWarmUp implements AutoCloseable {
  /** Batch passes at most: enough for the JIT to compile the hot loops, a fraction of a second. */
  private static final int MAX_PASSES = 500;

  private final AtomicBoolean stop = new AtomicBoolean();

  private FusedWarmUp() {}

  /**
   * Starts warming up the pass of {@code loss} (null: SALLY's score network) for networks of these
   * hidden widths and activation.
   */
  public static FusedWarmUp start(
      RatioLoss loss, List<Integer> hidden, Activation activation, int batch) {
    FusedWarmUp w = new FusedWarmUp();
    Thread t = new Thread(() -> w.run(loss, hidden, activation, batch), "sbi4j-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return w;
  }

  private void run(RatioLoss loss, List<Integer> hidden, Activation activation, int batchSize) {
    // Training runs the pass on chunks of at most FusedFitter.CHUNK rows.
    int batch = Math.min(batchSize, FusedFitter.CHUNK);
    int p = 1;
    int inputs = loss == null ? 1 : p + 1;
    Network net = Network.initial(inputs, hidden, loss == null ? p : 1, activation, 1);
    DenseKernel kernel = DenseKernel.best();
    FusedRatioNet fused =
        loss == null
            ? FusedRatioNet.score(net, batch, kernel)
            : new FusedRatioNet(net, p, batch, kernel);
    FusedRatioNet.Labels labels =
        loss == null
            ? new FusedRatioNet.Labels(inputs, p, batch)
            : new FusedRatioNet.Labels(loss, 1, 10, inputs, p, batch);
    for (int i = 0; i < batch * inputs; i++) {
      labels.x[i] = (float) Math.sin(i);
    }
    for (int pass = 0; pass < MAX_PASSES && !stop.get(); pass++) {
      fused.lossAndGradient(labels, batch, true);
      fused.parametersChanged();
    }
  }

  /** Asks the thread to stop after its current pass (does not wait). */
  @Override
  public void close() {
    stop.set(true);
  }
}
