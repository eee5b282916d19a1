/** The app's test harness: a real PostgreSQL per test JVM, Spring properties pointing at the real servers, organisations and admins written for a test, Facebook-shaped payloads. */
package org.voluntree.app.testing;
