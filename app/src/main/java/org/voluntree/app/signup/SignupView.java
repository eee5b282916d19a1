package org.voluntree.app.signup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A signup with its slots and how full each one is. */
public record SignupView(
        long id,
        String title,
        String description,
        Map<String, String> facts,
        String state,
        Instant createdAt,
        List<Slot> slots) {}
