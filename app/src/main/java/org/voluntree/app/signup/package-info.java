/** Signups: events with facts, dates x time slots and the volunteers each slot needs, and who is confirmed where. */
package org.voluntree.app.signup;
