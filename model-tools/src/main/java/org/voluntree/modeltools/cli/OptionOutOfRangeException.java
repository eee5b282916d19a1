package org.voluntree.modeltools.cli;

/**
 * A numeric option (or parameter) given outside the values it takes: a mistake on the command line,
 * answered with the usage exit code before anything is read, trained or sent to Redis.
 */
public class OptionOutOfRangeException extends IllegalArgumentException {

    private OptionOutOfRangeException(String message) {
        super(message);
    }

    /** "--folds must be 2 or more, was 1": the option, the values it takes and the one given. */
    static OptionOutOfRangeException of(String option, String range, Object given) {
        return new OptionOutOfRangeException(option + " must be " + range + ", was " + given);
    }
}
