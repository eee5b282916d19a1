package org.voluntree.app.signup;

/**
 * An admin edited a signup: published in the transaction of the edit, so that what its listeners keep
 * (the jobs that write its posts' schedule again) is saved with it, or not at all.
 */
public record SignupEdited(long organisationId, long signupId) {}
