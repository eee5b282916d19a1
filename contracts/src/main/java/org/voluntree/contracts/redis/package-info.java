/** Every Redis key, queue, stream, consumer group and channel name, in one place. */
package org.voluntree.contracts.redis;
