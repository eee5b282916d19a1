package org.voluntree.modeltools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.stream.StreamConsumerSettings;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.contracts.text.FeaturiserConfig;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.contracts.text.TextNormaliser;
import org.voluntree.gears.Gear;
import org.voluntree.gears.engine.LoadedModel;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.data.ExtraNeither;
import org.voluntree.modeltools.data.LabelledText;
import org.voluntree.modeltools.data.LabelledTsvReader;
import org.voluntree.modeltools.eval.Classifier;
import org.voluntree.modeltools.eval.Evaluation;
import org.voluntree.modeltools.testing.SharedData;

/**
 * Train on real data → freeze → store in a real Redis → reload → classify with the embedded
 * engine, and through a real gear reading a stream entry.
 */
class TrainFreezeServeIT {

    private static final FeaturiserConfig SMALL =
            new FeaturiserConfig(TextNormaliser.VERSION, 1 << 14, 48, true, 3, 4, 0x5eed);

    @BeforeEach
    void flush() {
        TestRedis.flush();
    }

    @Test
    void aModelTrainedOnRealReviewsServesTheSameScoresFromTheRegistry() {
        List<LabelledText> train = Analyzer.SENTIMENT.read(List.of(
                SharedData.file("sentiment/yelp_labelled.txt"),
                SharedData.file("sentiment/amazon_cells_labelled.txt")));
        List<LabelledText> test = Analyzer.SENTIMENT.read(List.of(SharedData.file("sentiment/imdb_labelled.txt")));
        TrainingConfig config = new TrainingConfig(SMALL, 16, 0, 4, 32, 0.01f, 0.1, 42, null);

        TrainingResult result = new ModelTrainer(Clock.systemUTC())
                .train(
                        Analyzer.SENTIMENT,
                        train,
                        test,
                        List.of("yelp", "amazon"),
                        List.of("imdb"),
                        config,
                        TrainingListener.NONE);

        Evaluation validation = result.validation().orElseThrow();
        Evaluation heldOut = result.test().orElseThrow();
        assertThat(validation.accuracy())
                .as("validation accuracy, same domains")
                .isGreaterThan(0.75);
        assertThat(heldOut.accuracy()).as("imdb accuracy, never trained on").isGreaterThan(0.62);
        assertThat(result.freezeDifference()).isLessThan(1e-5);
        assertThat(result.artifact().manifest().metrics()).containsKeys("validation", "test", "hyperparameters");

        ModelArtifact reloaded;
        try (StatefulRedisConnection<String, byte[]> connection =
                TestRedis.client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            ModelRegistry registry = new ModelRegistry(connection.sync());
            int version = registry.store(result.artifact());
            registry.activate("sentiment", version);
            reloaded = registry.artifact(
                    "sentiment", registry.activeVersion("sentiment").orElseThrow());
        }
        assertThat(reloaded.manifest().version()).isEqualTo(1);
        assertThat(reloaded.graph()).isEqualTo(result.artifact().graph());

        List<String> texts = test.stream().map(LabelledText::text).toList();
        try (TensorFlowEngine engine = new TensorFlowEngine();
                LoadedModel served = engine.load(reloaded)) {
            int[] predicted = new Classifier(served).predict(texts);
            int[] gold = test.stream()
                    .mapToInt(e -> Analyzer.SENTIMENT.labels().indexOf(e.label()))
                    .toArray();
            assertThat(Evaluation.of(Analyzer.SENTIMENT.labels(), gold, predicted)
                            .accuracy())
                    .isEqualTo(heldOut.accuracy());
            float[][] scores = served.predict(new HashingFeaturiser(SMALL).featurise("Great food, lovely staff!"), 1);
            assertThat(reloaded.manifest().labelOf(scores[0])).isEqualTo("positive");
        }

        // and the gear classifies a real stream entry with it, fetched from the registry
        InboundEvent event = new InboundEvent(
                "m:review-1",
                EventKind.MESSAGE,
                "page-1",
                "review-1",
                null,
                null,
                "add",
                "person-1",
                null,
                "Great food, lovely staff!",
                null,
                Instant.now(),
                Instant.now());
        FeaturisedMessage entry = new FeaturisedMessage(
                event,
                Map.of(
                        "sentiment",
                        new FeaturisedMessage.Features(1, new HashingFeaturiser(SMALL).featurise(event.text()))));
        try (StatefulRedisConnection<String, byte[]> connection =
                        TestRedis.client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                TensorFlowEngine engine = new TensorFlowEngine();
                Gear gear = new Gear(
                        TestRedis.client(),
                        engine,
                        new StreamConsumerSettings(
                                RedisNames.COMMENTS_STREAM,
                                RedisNames.GEAR_GROUP,
                                "trained-model-gear",
                                32,
                                Duration.ofMillis(20),
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(5),
                                3),
                        10_000)) {
            connection.sync().xadd(RedisNames.COMMENTS_STREAM, entry.toFields());
            gear.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> connection.sync().xlen(RedisNames.CLASSIFIED_STREAM) == 1);
            ClassifiedMessage classified = ClassifiedMessage.fromFields(connection
                    .sync()
                    .xrange(RedisNames.CLASSIFIED_STREAM, Range.create("-", "+"))
                    .get(0)
                    .getBody());
            assertThat(classified.event().externalId()).isEqualTo("review-1");
            assertThat(classified.classifications().get("sentiment").label()).isEqualTo("positive");
            assertThat(classified.classifications().get("sentiment").version()).isEqualTo(1);
        }
    }

    @Test
    void theFrozenGraphScoresLikeTheTrainingGraphWithAHiddenLayer() {
        List<LabelledText> examples = Analyzer.SENTIMENT
                .read(List.of(SharedData.file("sentiment/yelp_labelled.txt")))
                .subList(0, 400);
        TrainingConfig config = new TrainingConfig(SMALL, 16, 8, 2, 32, 0.01f, 0, 7, null);
        HashingFeaturiser featuriser = new HashingFeaturiser(SMALL);
        Featurised data = Featurised.of(examples, Analyzer.SENTIMENT.labels(), featuriser);
        int[] order = java.util.stream.IntStream.range(0, data.size()).toArray();

        try (EmbeddingBagNetwork network = new EmbeddingBagNetwork(config, 2)) {
            network.trainEpoch(data.ids(), data.labels(), order, new float[] {1f, 1f});
            float[][] expected = network.predict(data.ids(), data.size());
            ModelWeights weights = network.weights();
            byte[] graph = FrozenGraph.build(weights, SMALL.maxFeatures());
            ModelArtifact artifact = new ModelArtifact(
                    new org.voluntree.contracts.model.ModelManifest(
                            "sentiment",
                            0,
                            config.family(),
                            Analyzer.SENTIMENT.labels(),
                            new org.voluntree.contracts.model.TensorSpec("ids", "INT32", List.of(-1L, 48L)),
                            new org.voluntree.contracts.model.TensorSpec("probs", "FLOAT", List.of(-1L, 2L)),
                            SMALL,
                            null,
                            null,
                            ModelArtifact.sha256(graph),
                            java.time.Instant.now()),
                    graph);
            try (TensorFlowEngine engine = new TensorFlowEngine();
                    LoadedModel frozen = engine.load(artifact)) {
                float[][] actual = frozen.predict(data.ids(), data.size());
                for (int r = 0; r < expected.length; r++) {
                    assertThat(actual[r]).containsExactly(expected[r], within(1e-5f));
                }
            }
            assertThat(config.family()).isEqualTo("embedding-bag-mlp");
        }
    }

    @Test
    void theTeamsInsultsReachTheServedModelThroughItsOrHead() {
        List<LabelledText> tweets = Analyzer.OFFENSE
                .trainingSplit(List.of(SharedData.file("offense/labeled_data.csv")))
                .train()
                .subList(0, 3000);
        Path corpus = SharedData.repository().resolve("data/offense");
        List<LabelledText> team = LabelledTsvReader.readTraining(
                corpus.resolve("train.tsv"), new java.util.LinkedHashSet<>(Analyzer.OFFENSE.labels()));
        List<LabelledText> heldOut = Analyzer.OFFENSE.evaluationData(corpus.resolve("test.tsv"));
        // as the default training does: the page's friendly comments are 'neither' (without them
        // the tweets teach that almost any comment is offensive)
        List<LabelledText> friendly = ExtraNeither.read(SharedData.repository().resolve("data/intent/train.tsv"));
        TrainingConfig config = new TrainingConfig(SMALL, 3, 0, 5, 64, 0.005f, 0, 42, null)
                .withPooling(Pooling.SQRT)
                .withL2(3e-4);
        ModelTrainer trainer = new ModelTrainer(java.time.Clock.systemUTC());

        Evaluation tweetsOnly = trainer.train(
                        Analyzer.OFFENSE,
                        tweets,
                        friendly,
                        heldOut,
                        List.of(),
                        List.of(),
                        config,
                        TrainingListener.NONE)
                .test()
                .orElseThrow();
        TrainingResult withHead = trainer.train(
                Analyzer.OFFENSE,
                tweets,
                friendly,
                new OrHeadData("offensive", "neither", team, 4),
                heldOut,
                List.of(),
                List.of(),
                config,
                TrainingListener.NONE);

        // the test figures are the frozen graph's: it serves the head, within the freezer's tolerance
        assertThat(withHead.freezeDifference()).isLessThan(ModelTrainer.FREEZE_TOLERANCE);
        Evaluation served = withHead.test().orElseThrow();
        assertThat(served.scoresOf("offensive").recall())
                .as("the team's held-out insults found")
                .isGreaterThan(tweetsOnly.scoresOf("offensive").recall() + 0.3);
        assertThat(served.scoresOf("neither").recall())
                .as("the team's held-out civil comments left alone")
                .isGreaterThan(0.8);
        assertThat(withHead.artifact().manifest().metrics().get("hyperparameters"))
                .asString()
                .contains("orHead");
    }
}
