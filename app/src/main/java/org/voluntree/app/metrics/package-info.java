/** Measurements of the pipeline exposed through Micrometer: queue and stream depths, pending entries, dead letters. */
package org.voluntree.app.metrics;
