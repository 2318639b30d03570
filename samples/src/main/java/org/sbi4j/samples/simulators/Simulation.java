package org.sbi4j.samples.simulators;

import org.sbi4j.samples.EventSample;

/**
 * Simulated events with their latent histories.
 *
 * @param events weighted events (features, weights at every benchmark, generating benchmark)
 * @param latent n × k latent variables z, row-major, in the events' order
 * @param latentDimension k
 */
public record Simulation(EventSample events, double[] latent, int latentDimension) {
  public Simulation {
    if (latent.length != (long) events.size() * latentDimension) {
      throw new IllegalArgumentException(
          "latent has "
              + latent.length
              + " values for "
              + events.size()
              + " events × "
              + latentDimension);
    }
    latent = latent.clone();
  }

  @Override
  public double[] latent() {
    return latent.clone();
  }

  /** z of event i (a copy). */
  public double[] latent(int i) {
    double[] z = new double[latentDimension];
    System.arraycopy(latent, i * latentDimension, z, 0, latentDimension);
    return z;
  }
}
