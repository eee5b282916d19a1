package org.voluntree.app.signup;

/**
 * The event published on {@code org:{id}:events} when a signup or the volunteers of its slots
 * changed; the Signups page reloads that signup.
 */
public record SignupChanged(String type, long organisationId, long signupId) {

    public static final String TYPE = "signup.changed";
}
