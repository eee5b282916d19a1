package org.voluntree.modeltools;

/** What each exit status of model-tools means; scripts may rely on them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Something unexpected failed; the message says what. */
    public static final int FAILED = 1;
    /** The command line itself was wrong (picocli's default). */
    public static final int USAGE = 2;
    /** An input file, folder or model could not be read or is not what the command expects. */
    public static final int BAD_INPUT = 3;
    /** The registry does not hold the requested model version. */
    public static final int NOT_FOUND = 4;
    /** Redis could not be reached or failed. */
    public static final int REDIS_UNAVAILABLE = 5;
    /** The registry keeps the version: it is, or has been, active. */
    public static final int IN_USE = 6;

    private ExitCodes() {}
}
