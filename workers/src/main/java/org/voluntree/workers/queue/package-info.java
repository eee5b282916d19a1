/**
 * The reliable list queue used by every {@code q:*} list: {@code BLMOVE} into a per-consumer
 * processing list, acknowledge on success, a reaper for consumers that died, attempt counts and
 * a dead-letter path to {@code s:dead}.
 */
package org.voluntree.workers.queue;
