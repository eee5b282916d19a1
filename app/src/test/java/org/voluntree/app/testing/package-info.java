/** The app's test harness: a real PostgreSQL per test JVM, Spring properties pointing at the real servers, Facebook-shaped payloads. */
package org.voluntree.app.testing;
