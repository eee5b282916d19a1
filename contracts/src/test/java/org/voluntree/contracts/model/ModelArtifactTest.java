package org.voluntree.contracts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {

    @TempDir
    Path dir;

    @Test
    void refusesAGraphWhoseShaDoesNotMatchTheManifest() {
        ModelManifest manifest = Artifacts.manifest("intent", ModelArtifact.sha256("the real graph".getBytes()));

        assertThatThrownBy(() -> new ModelArtifact(manifest, "an edited graph".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256 " + ModelArtifact.sha256("an edited graph".getBytes()))
                .hasMessageContaining("manifest says " + manifest.graphSha256());
    }

    @Test
    void sha256IsTheStandardHexDigest() {
        assertThat(ModelArtifact.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void roundTripsThroughAFolder() {
        ModelArtifact artifact = Artifacts.of("intent", "frozen graph bytes");

        artifact.writeTo(dir.resolve("intent"));
        ModelArtifact back = ModelArtifact.readFrom(dir.resolve("intent"));

        assertThat(dir.resolve("intent").resolve(ModelArtifact.GRAPH_FILE)).exists();
        assertThat(dir.resolve("intent").resolve(ModelArtifact.MANIFEST_FILE)).exists();
        assertThat(back.graph()).isEqualTo(artifact.graph());
        assertThat(back.manifest()).isEqualTo(artifact.manifest());
    }

    @Test
    void refusesAFolderWhoseGraphWasEdited() throws IOException {
        Artifacts.of("intent", "frozen graph bytes").writeTo(dir);
        Files.writeString(dir.resolve(ModelArtifact.GRAPH_FILE), "frozen graph bytez");

        assertThatThrownBy(() -> ModelArtifact.readFrom(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void refusesAFolderWithoutBothFiles() throws IOException {
        Files.writeString(dir.resolve(ModelArtifact.MANIFEST_FILE), "{}");

        assertThatThrownBy(() -> ModelArtifact.readFrom(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a model folder");
    }

    @Test
    void theCommittedIntentModelIsIntactAndMatchesThisBuild() {
        ModelArtifact intent =
                ModelArtifact.readFrom(Path.of(System.getProperty("voluntree.repo.root"), "models", "intent"));

        assertThat(intent.manifest().analyzer()).isEqualTo("intent");
        assertThat(intent.manifest().labels())
                .containsExactly(
                        "volunteer",
                        "how_to_signup",
                        "event_question",
                        "requirements_question",
                        "donation",
                        "appreciation",
                        "other");
        assertThat(intent.manifest().input().shape())
                .containsExactly(-1L, (long) intent.manifest().featuriser().maxFeatures());
        assertThat(intent.manifest().output().shape()).containsExactly(-1L, 7L);
        assertThat(intent.manifest().featuriser().normaliserVersion())
                .isEqualTo(org.voluntree.contracts.text.TextNormaliser.VERSION);
    }
}
