package org.voluntree.app.api;

/**
 * One cell of RFC 4180 CSV. A value that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) is prefixed with an apostrophe: names and texts come from
 * Facebook, written by anyone.
 */
public final class CsvCells {

    private CsvCells() {}

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
