/**
 * Neural estimators on ND4J/SameDiff (docs/math.md §3 and §5): trainers, ensembles, training
 * configuration and engines. Sub-packages: {@code model} (networks and the estimators built on
 * them), {@code losses}, {@code store} (model folders, ONNX), {@code steps} (the train, evaluate
 * and export commands' library calls), {@code listeners}, {@code nplm} (NPLM f(x) networks), {@code
 * simd} and {@code internal}. The only module that touches ND4J.
 */
package org.sbi4j.training;
