package org.voluntree.modeltools.cli;

/**
 * The range checks of numeric options, each naming the option, the values it takes and the value given
 * ({@link OptionOutOfRangeException}). A null value is an option not given, and passes.
 */
final class OptionRanges {

    private OptionRanges() {}

    /** At least {@code least}. */
    static void atLeast(String option, Number value, Number least) {
        if (value != null && !(finite(option, value) >= least.doubleValue())) {
            throw OptionOutOfRangeException.of(option, least + " or more", value);
        }
    }

    /** Above {@code bound}. */
    static void moreThan(String option, Number value, Number bound) {
        if (value != null && !(finite(option, value) > bound.doubleValue())) {
            throw OptionOutOfRangeException.of(option, "more than " + bound, value);
        }
    }

    /** From {@code least} to {@code most}, both included. */
    static void between(String option, Number value, Number least, Number most) {
        if (value != null
                && !(finite(option, value) >= least.doubleValue() && value.doubleValue() <= most.doubleValue())) {
            throw OptionOutOfRangeException.of(option, "from " + least + " to " + most, value);
        }
    }

    /** A share: at least 0 and less than 1. */
    static void fraction(String option, Number value) {
        if (value != null && !(finite(option, value) >= 0 && value.doubleValue() < 1)) {
            throw OptionOutOfRangeException.of(option, "at least 0 and less than 1", value);
        }
    }

    /** The value as a double; NaN and the infinities, which picocli reads as numbers, are refused. */
    private static double finite(String option, Number value) {
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw OptionOutOfRangeException.of(option, "a finite number", value);
        }
        return number;
    }
}
