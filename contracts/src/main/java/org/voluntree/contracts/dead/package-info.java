/** The dead-letter stream {@code s:dead}: what gave up, why, and how to replay it. */
package org.voluntree.contracts.dead;
