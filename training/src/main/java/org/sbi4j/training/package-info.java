/**
 * Neural estimators on ND4J/SameDiff (MATH.md §3 and §5): parameterized ratio networks with
 * forward-mode tangents for the score, SALLY score networks, the losses, trainers, ensembles,
 * model folders and ONNX export, and NPLM f(x) networks. The only module that touches ND4J.
 */
package org.sbi4j.training;
