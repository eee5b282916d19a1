package org.voluntree.modeltools.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); records end at LF or CRLF outside quotes.
 */
public final class CsvReader {

    private final Reader in;
    private long line = 1;
    private int pushedBack = -2;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The line on which the next record starts (1-based), for error messages. */
    public long line() {
        return line;
    }

    /** The next record, or {@code null} at the end of the input. */
    public List<String> next() {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IllegalStateException("a quoted field is not closed before the end of the input");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\n' || c == -1) {
                break;
            } else if (c == '\r') {
                int after = read();
                if (after != '\n') {
                    unread(after);
                }
                break;
            } else {
                field.append((char) c);
                fieldStart = false;
            }
            c = read();
        }
        fields.add(field.toString());
        return fields;
    }

    private int read() {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            try {
                c = in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        if (c == '\n') {
            line--;
        }
        pushedBack = c;
    }
}
