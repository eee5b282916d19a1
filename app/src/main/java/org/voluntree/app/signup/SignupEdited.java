package org.voluntree.app.signup;

/**
 * An admin edited a signup (its title or slots): what was published about it, such as a post's
 * schedule, may need to follow. A Spring application event, published after the edit is committed.
 */
public record SignupEdited(long organisationId, long signupId) {}
