/** Throughput and memory benchmark of the embedded engine (a program, not a test). */
package org.voluntree.modeltools.bench;
