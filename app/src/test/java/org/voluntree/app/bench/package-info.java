/**
 * The pipeline benchmark: a main program (not a test) that starts the packaged app against real
 * Redis and PostgreSQL, drives it with signed webhook deliveries and an authenticated WebSocket,
 * and reports throughput, latency and where the CPU goes. See {@code docs/benchmarks.md}.
 */
package org.voluntree.app.bench;
