/**
 * Apache Spark implementation of {@link org.sbi4j.common.TaskRunner}: each task becomes one Spark
 * partition, so Spark schedules, retries and distributes them. The only module that sees Spark,
 * which the cluster (or {@code spark-submit}) provides.
 */
package org.sbi4j.distributed;
