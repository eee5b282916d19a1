/** The RedisGears script ({@code gears/redisgears/voluntree_gear.py}, packaged in the jar) and how it is registered. */
package org.voluntree.gears.redisgears;
