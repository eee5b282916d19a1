/**
 * Administration commands of the executable ({@code java -jar app.jar create-owner ...},
 * {@code chat purge}): each runs in a small Spring context with the database only, then exits.
 */
package org.voluntree.app.cli;
