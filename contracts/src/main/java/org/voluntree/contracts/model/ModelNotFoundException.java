package org.voluntree.contracts.model;

/** A model version that the registry does not hold. */
public class ModelNotFoundException extends RuntimeException {

    private ModelNotFoundException(String message) {
        super(message);
    }

    public static ModelNotFoundException forVersion(String analyzer, int version) {
        return new ModelNotFoundException("model " + analyzer + " v" + version
                + " is not in the registry; 'model-tools list' shows the stored versions");
    }

    public static ModelNotFoundException noActive(String analyzer) {
        return new ModelNotFoundException("no version of " + analyzer
                + " is active; load one with 'model-tools load' and 'model-tools activate'");
    }

    public static ModelNotFoundException noHistory(String analyzer) {
        return new ModelNotFoundException("no earlier active version of " + analyzer + " to roll back to");
    }
}
