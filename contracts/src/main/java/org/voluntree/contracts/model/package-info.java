/** Model artifacts (frozen graph plus manifest) and the Redis-hosted registry of their versions. */
package org.voluntree.contracts.model;
