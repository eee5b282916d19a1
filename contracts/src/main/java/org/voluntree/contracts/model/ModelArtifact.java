package org.voluntree.contracts.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.voluntree.contracts.event.Json;

/**
 * A frozen GraphDef and its manifest. On disk: a folder holding {@code model.pb} and
 * {@code manifest.json}.
 */
public record ModelArtifact(ModelManifest manifest, byte[] graph) {

    public static final String GRAPH_FILE = "model.pb";
    public static final String MANIFEST_FILE = "manifest.json";

    public ModelArtifact {
        String actual = sha256(graph);
        if (!actual.equals(manifest.graphSha256())) {
            throw new IllegalArgumentException("graph of " + manifest.analyzer() + " v" + manifest.version()
                    + " has SHA-256 " + actual + " but its manifest says " + manifest.graphSha256()
                    + "; the artifact is corrupt or was edited, retrain or reload it");
        }
    }

    public static ModelArtifact readFrom(Path dir) {
        Path graphFile = dir.resolve(GRAPH_FILE);
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(graphFile) || !Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException(dir + " is not a model folder: it needs " + GRAPH_FILE + " and "
                    + MANIFEST_FILE + " (write one with 'model-tools train')");
        }
        try {
            ModelManifest manifest = Json.read(Files.readAllBytes(manifestFile), ModelManifest.class);
            return new ModelArtifact(manifest, Files.readAllBytes(graphFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model folder " + dir, e);
        }
    }

    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(GRAPH_FILE), graph);
            Files.write(
                    dir.resolve(MANIFEST_FILE),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model folder " + dir, e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
