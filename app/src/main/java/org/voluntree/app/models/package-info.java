/** Puts the models bundled with the application into the Redis registry when no version is active yet. */
package org.voluntree.app.models;
