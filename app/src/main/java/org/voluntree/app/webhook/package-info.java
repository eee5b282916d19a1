/**
 * Facebook's webhook: the verification handshake, signature check over the raw body, splitting
 * of batched entries into events, de-duplication of retried deliveries, and the push of one job
 * per event to {@code q:preprocess}. Nothing is classified on the request thread.
 */
package org.voluntree.app.webhook;
