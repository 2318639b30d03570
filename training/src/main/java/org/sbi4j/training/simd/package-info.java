/**
 * Dense-layer kernels on float32 tiles for the hot loops that ND4J's per-op overhead makes slow on
 * small networks: the limits grid evaluation and the fused training of ratio networks. A Java
 * Vector API implementation ({@code --add-modules jdk.incubator.vector}) and a plain-Java one.
 */
package org.sbi4j.training.simd;
