package org.voluntree.app.cli;

/** What each exit status of the administration commands means; scripts may rely on them. */
final class ExitCodes {

    static final int OK = 0;
    /** Something unexpected failed (e.g. the database cannot be reached); the message says what. */
    static final int FAILED = 1;
    /** The command line itself was wrong (picocli's default). */
    static final int USAGE = 2;
    /** An argument or input file is not acceptable. */
    static final int BAD_INPUT = 3;
    /** What the command would create exists already. */
    static final int CONFLICT = 4;

    private ExitCodes() {}
}
