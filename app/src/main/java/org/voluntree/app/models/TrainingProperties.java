package org.voluntree.app.models;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code voluntree.training.*}: where training jobs read their data. Plain strings, read as file
 * system paths relative to the working directory (Spring would read a {@code Path} as a resource).
 *
 * @param intentData the folder of the team's intent corpus ({@code train.tsv}, {@code test.tsv})
 * @param offenseData the folder of the team's offense corpus ({@code train.tsv}, {@code test.tsv})
 * @param sharedData the folder of the public data sets ({@code sentiment/}, {@code offense/})
 * @param workDir where jobs write their models before loading them into the registry
 */
@ConfigurationProperties("voluntree.training")
public record TrainingProperties(String intentData, String offenseData, String sharedData, String workDir) {

    Path intentFolder() {
        return Path.of(intentData);
    }

    Path offenseFolder() {
        return Path.of(offenseData);
    }

    Path sharedFolder() {
        return Path.of(sharedData);
    }

    Path workFolder() {
        return Path.of(workDir);
    }
}
