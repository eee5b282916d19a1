package org.voluntree.contracts.model;

/** A model version the registry keeps because it is, or has been, active. */
public class ModelInUseException extends RuntimeException {

    private ModelInUseException(String message) {
        super(message);
    }

    public static ModelInUseException active(String analyzer, int version) {
        return new ModelInUseException(
                analyzer + " v" + version + " is the active version, and versions that have been active are kept"
                        + " (messages featurised for them may still be waiting to be classified)");
    }

    public static ModelInUseException beenActive(String analyzer, int version) {
        return new ModelInUseException(analyzer + " v" + version
                + " has been active, so messages featurised for it may still be waiting to be classified: it is kept"
                + " (only versions that were never activated can be deleted)");
    }
}
