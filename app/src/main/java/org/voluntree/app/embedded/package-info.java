/** The embedded defaults: a local Redis server and an embedded PostgreSQL when none is configured, and the demo settings. */
package org.voluntree.app.embedded;
