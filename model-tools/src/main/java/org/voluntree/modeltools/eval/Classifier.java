package org.voluntree.modeltools.eval;

import java.util.List;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.gears.engine.LoadedModel;

/** Featurises raw texts with a model's own featuriser and scores them in batches. */
public final class Classifier {

    private static final int BATCH = 1024;

    private final LoadedModel model;
    private final HashingFeaturiser featuriser;

    public Classifier(LoadedModel model) {
        this.model = model;
        this.featuriser = new HashingFeaturiser(model.manifest().featuriser());
    }

    public ModelManifest manifest() {
        return model.manifest();
    }

    /** Scores per text, in the order of the manifest's labels. */
    public float[][] scores(List<String> texts) {
        int width = featuriser.config().maxFeatures();
        float[][] scores = new float[texts.size()][];
        for (int start = 0; start < texts.size(); start += BATCH) {
            int rows = Math.min(BATCH, texts.size() - start);
            int[] ids = new int[rows * width];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(featuriser.featurise(texts.get(start + r)), 0, ids, r * width, width);
            }
            float[][] batch = model.predict(ids, rows);
            System.arraycopy(batch, 0, scores, start, rows);
        }
        return scores;
    }

    /** Index of the best label per text. */
    public int[] predict(List<String> texts) {
        float[][] scores = scores(texts);
        int[] best = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            best[i] = argMax(scores[i]);
        }
        return best;
    }

    public static int argMax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
