package org.voluntree.app.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How Graph objects look on the wire: ISO times with {@code +0000}, and the {@code fields} parameter. */
final class GraphJson {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private GraphJson() {}

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * Keeps the requested top-level fields of a full object ({@code fields=id,message,from{id,name}}),
     * or its default fields when none are requested. {@code id} is always kept, as on Facebook.
     */
    static Map<String, Object> select(Map<String, Object> full, String fields, List<String> defaults) {
        List<String> wanted = fields == null || fields.isBlank() ? defaults : topLevel(fields);
        Map<String, Object> selected = new LinkedHashMap<>();
        if (full.containsKey("id")) {
            selected.put("id", full.get("id"));
        }
        for (String name : wanted) {
            Object value = full.get(name);
            if (value != null) {
                selected.put(name, value);
            }
        }
        return selected;
    }

    /** The top-level names of a fields expression, ignoring sub-selections {@code {..}} and modifiers {@code .limit(..)}. */
    static List<String> topLevel(String fields) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        boolean inModifier = false;
        for (char c : fields.toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(names, current);
                inModifier = false;
            } else if (depth == 0 && c == '.') {
                inModifier = true;
            } else if (depth == 0 && !inModifier) {
                current.append(c);
            }
        }
        add(names, current);
        return names;
    }

    private static void add(List<String> names, StringBuilder current) {
        String name = current.toString().strip();
        if (!name.isEmpty()) {
            names.add(name);
        }
        current.setLength(0);
    }
}
