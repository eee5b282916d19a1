/** The engine interface that runs frozen models on a batch; one implementation per runtime. */
package org.voluntree.gears.engine;
