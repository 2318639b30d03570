/**
 * The proto-model builder (docs/math.md §9): a database of published analyses (counting regions,
 * upper limits, pyhf workspaces) with signal predictions on mass grids (particles) and from EFT
 * morphing templates (operators), their combination over the maximal cliques of the combinability
 * graph, the test statistic K, the critic, the walkers that search model space, fake databases and
 * the global p-value of the Standard Model.
 */
package org.sbi4j.inference.protomodels;
