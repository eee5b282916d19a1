/**
 * Connected Facebook pages: connecting one (OAuth code exchange, or a pasted page token in
 * development), subscribing the app to its webhooks, its token encrypted at rest, and the periodic
 * token health check that marks a page "needs reauthorisation" and alerts its admins.
 */
package org.voluntree.app.page;
