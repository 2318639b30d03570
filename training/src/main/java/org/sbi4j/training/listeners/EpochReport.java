package org.sbi4j.training.listeners;

/**
 * What one epoch produced.
 *
 * @param member ensemble member (0-based)
 * @param epoch epoch (0-based)
 * @param epochs epochs configured
 * @param trainingLoss mean loss over the epoch's batches (weighted by batch size)
 * @param validationLoss mean loss on the validation partition after the epoch, NaN without one
 * @param learningRate the learning rate used in this epoch
 * @param seconds wall time of the epoch
 */
public record EpochReport(
    int member,
    int epoch,
    int epochs,
    double trainingLoss,
    double validationLoss,
    double learningRate,
    double seconds)
    implements java.io.Serializable {}
