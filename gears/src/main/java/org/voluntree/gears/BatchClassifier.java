package org.voluntree.gears;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.ClassifiedMessage.Classification;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.FeaturisedMessage.Features;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.ModelNotFoundException;
import org.voluntree.gears.engine.LoadedModel;

/**
 * Classifies a batch of featurised messages: one tensor per analyzer and model version for the
 * whole batch, then one merged record per message.
 */
final class BatchClassifier {

    /** A message that can never be classified, with the reason. */
    record Rejected(int index, String reason) {}

    /** Per input index: the classified record, or null when rejected. */
    record Result(List<ClassifiedMessage> classified, List<Rejected> rejected) {}

    private record Group(String analyzer, int version) {}

    private final ModelCache models;

    BatchClassifier(ModelCache models) {
        this.models = models;
    }

    /**
     * Classifies every message. A message whose features do not fit its model, or whose model
     * version is not in the registry, is rejected; a failure of a model itself propagates, so
     * the batch is retried.
     */
    Result classify(List<FeaturisedMessage> batch) {
        int n = batch.size();
        List<Map<String, Classification>> verdicts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            verdicts.add(new LinkedHashMap<>());
        }
        List<Rejected> rejected = new ArrayList<>();
        boolean[] isRejected = new boolean[n];

        Map<Group, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            for (Map.Entry<String, Features> entry : batch.get(i).features().entrySet()) {
                groups.computeIfAbsent(
                                new Group(entry.getKey(), entry.getValue().version()), g -> new ArrayList<>())
                        .add(i);
            }
        }
        for (Map.Entry<Group, List<Integer>> entry : groups.entrySet()) {
            Group group = entry.getKey();
            LoadedModel model;
            try {
                model = models.get(group.analyzer(), group.version());
            } catch (ModelNotFoundException e) {
                for (int index : entry.getValue()) {
                    if (!isRejected[index]) {
                        isRejected[index] = true;
                        rejected.add(new Rejected(index, e.getMessage()));
                    }
                }
                continue;
            }
            ModelManifest manifest = model.manifest();
            int width = manifest.featuriser().maxFeatures();
            int buckets = manifest.featuriser().buckets();
            List<Integer> members = new ArrayList<>();
            for (int index : entry.getValue()) {
                String problem =
                        check(batch.get(index).features().get(group.analyzer()).ids(), width, buckets);
                if (problem != null) {
                    if (!isRejected[index]) {
                        isRejected[index] = true;
                        rejected.add(new Rejected(index, group.analyzer() + " v" + group.version() + ": " + problem));
                    }
                } else {
                    members.add(index);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            int[] ids = new int[members.size() * width];
            for (int row = 0; row < members.size(); row++) {
                int[] features = batch.get(members.get(row))
                        .features()
                        .get(group.analyzer())
                        .ids();
                System.arraycopy(features, 0, ids, row * width, width);
            }
            float[][] scores = model.predict(ids, members.size());
            for (int row = 0; row < members.size(); row++) {
                verdicts.get(members.get(row))
                        .put(
                                group.analyzer(),
                                new Classification(group.version(), manifest.labelOf(scores[row]), scores[row]));
            }
        }
        List<ClassifiedMessage> classified = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classified.add(
                    isRejected[i] ? null : new ClassifiedMessage(batch.get(i).event(), verdicts.get(i)));
        }
        return new Result(classified, rejected);
    }

    private static String check(int[] ids, int width, int buckets) {
        if (ids.length != width) {
            return "has " + ids.length + " feature ids but the model reads " + width;
        }
        for (int id : ids) {
            if (id < 0 || id >= buckets) {
                return "feature id " + id + " is outside 0.." + (buckets - 1);
            }
        }
        return null;
    }
}
