/** The RedisAI engine: frozen graphs stored with AI.MODELSTORE and run with AI.MODELEXECUTE over Jedis. */
package org.voluntree.gears.engine.redisai;
