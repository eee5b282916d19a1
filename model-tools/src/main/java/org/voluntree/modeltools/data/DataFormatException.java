package org.voluntree.modeltools.data;

import java.nio.file.Path;

/** A data file that cannot be read as the format its analyzer expects. */
public class DataFormatException extends RuntimeException {

    private DataFormatException(String message) {
        super(message);
    }

    public static DataFormatException at(Path file, long line, String reason) {
        return new DataFormatException(file + ":" + line + ": " + reason);
    }

    public static DataFormatException in(Path file, String reason) {
        return new DataFormatException(file + ": " + reason);
    }
}
