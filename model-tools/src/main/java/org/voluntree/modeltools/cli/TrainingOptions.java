package org.voluntree.modeltools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.voluntree.contracts.text.ExtraFeatures;
import org.voluntree.contracts.text.FeaturiserConfig;
import org.voluntree.contracts.text.TextNormaliser;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.data.ExtraNeither;
import org.voluntree.modeltools.data.LabelledText;
import org.voluntree.modeltools.data.LabelledTsvReader;
import org.voluntree.modeltools.data.LexiconReader;
import org.voluntree.modeltools.train.BestWeightedF1;
import org.voluntree.modeltools.train.DecisionCalibration;
import org.voluntree.modeltools.train.OrHead;
import org.voluntree.modeltools.train.OrHeadData;
import org.voluntree.modeltools.train.Pooling;
import org.voluntree.modeltools.train.PrecisionFloor;
import org.voluntree.modeltools.train.TrainingConfig;
import picocli.CommandLine.Option;

/** The hyperparameter options shared by {@code train} and {@code crossval}; unset options keep the analyzer's defaults. */
final class TrainingOptions {

    /** The largest array a JVM allocates: each weight table is one. */
    private static final long MAX_TABLE = Integer.MAX_VALUE - 8;

    /** {@code --char-ngrams}: MIN-MAX, or MIN alone. */
    private static final Pattern CHAR_NGRAMS = Pattern.compile("\\s*(\\d{1,4})\\s*(?:-\\s*(\\d{1,4})\\s*)?");

    enum LexiconUse {
        features,
        examples,
        both
    }

    /** How offense learns {@code --team-corpus}. */
    enum TeamCorpusUse {
        /** A second detector OR-ed into the model ({@link OrHead}). */
        head,
        /** Training examples of the one model, next to the tweets. */
        examples
    }

    @Option(
            names = "--lexicon",
            description = "sentiment only: a folder with positive-words.txt and negative-words.txt"
                    + " (read at training time; see --lexicon-use)")
    Path lexicon;

    @Option(
            names = "--lexicon-use",
            defaultValue = "features",
            description = "features: each lexicon word adds its"
                    + " class token (the word lists are saved in the manifest's featuriser); examples: the words become"
                    + " one-word training examples; both (default: ${DEFAULT-VALUE})")
    LexiconUse lexiconUse;

    @Option(
            names = "--valence-lexicon",
            paramLabel = "FILE|vader|emoji",
            description = "sentiment: word classes by"
                    + " valence (positive, strong positive, negative, strong negative) from a lexicon in VADER's format"
                    + " (token<TAB>mean valence), 'vader' for the VADER lexicon or 'emoji' for the team's emoji valences,"
                    + " both bundled with model-tools; repeat to join several; saved in the manifest's featuriser like"
                    + " --lexicon's classes")
    List<String> valenceLexicons = new ArrayList<>();

    @Option(names = "--epochs", description = "passes over the data (default: the analyzer's)")
    Integer epochs;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--hidden", description = "units of the hidden ReLU layer, 0 for none (default: the analyzer's)")
    Integer hidden;

    @Option(
            names = "--normaliser-version",
            description = "TextNormaliser rules to train with (default: the analyzer's)")
    Integer normaliserVersion;

    @Option(
            names = "--buckets",
            description = "hashed id space, 2 or more: ids 1..N-1, 0 is padding (default: the analyzer's)")
    Integer buckets;

    @Option(names = "--max-features", description = "ids per message (default: the analyzer's)")
    Integer maxFeatures;

    @Option(
            names = "--char-ngrams",
            description = "character n-gram range MIN-MAX, 0 for none (default: the analyzer's)")
    String charNgrams;

    @Option(names = "--word-bigrams", arity = "1", description = "true or false (default: the analyzer's)")
    Boolean wordBigrams;

    @Option(names = "--word-trigrams", arity = "1", description = "true or false (default: the analyzer's)")
    Boolean wordTrigrams;

    @Option(
            names = "--negation-window",
            description = "words after a negation marked as negated, 0 for none" + " (default: the analyzer's)")
    Integer negationWindow;

    @Option(names = "--dim", description = "embedding width (default: the analyzer's)")
    Integer dim;

    @Option(names = "--learning-rate", description = "Adam step size (default: the analyzer's)")
    Float learningRate;

    @Option(names = "--batch-size", description = "examples per optimiser step (default: the analyzer's)")
    Integer batchSize;

    @Option(names = "--class-weight-power", description = "0 unweighted, 1 balanced classes (default: the analyzer's)")
    Double classWeightPower;

    @Option(
            names = "--ensemble",
            description = "linear models averaged into the served table (default: the analyzer's)")
    Integer ensemble;

    @Option(
            names = "--early-stopping",
            arity = "1",
            description = "keep the best validation epoch: true or false" + " (default: the analyzer's)")
    Boolean earlyStopping;

    @Option(
            names = "--token-dropout",
            description = "probability of dropping each id of a training example" + " (default: the analyzer's)")
    Double tokenDropout;

    @Option(
            names = "--pooling",
            description = "how an example's embedding rows are combined: mean, sqrt (sum ÷ √n)"
                    + " or sum (default: the analyzer's)")
    String pooling;

    @Option(
            names = "--l2",
            description = "weight of the L2 penalty on the embedding and dense weights, 0 for none"
                    + " (default: the analyzer's)")
    Double l2;

    @Option(
            names = "--extra-neither",
            paramLabel = "TSV",
            description = "offense only: the texts of a team corpus"
                    + " file (label<TAB>text, e.g. data/intent/train.tsv) added as 'neither' training examples; never"
                    + " a test file")
    Path extraNeither;

    @Option(
            names = "--team-corpus",
            paramLabel = "TSV",
            description = "offense only: a team corpus in the"
                    + " analyzer's labels (label<TAB>text, e.g. data/offense/train.tsv) added as training examples; never"
                    + " a test file")
    Path teamCorpus;

    @Option(
            names = "--team-corpus-repeat",
            paramLabel = "K",
            defaultValue = "1",
            description = "how many times each"
                    + " --team-corpus example is trained on per epoch: a few hundred comments against ~20,000 tweets"
                    + " (default: ${DEFAULT-VALUE})")
    int teamCorpusRepeat;

    @Option(
            names = "--team-corpus-as",
            defaultValue = "head",
            description = "head: the --team-corpus trains a second"
                    + " detector whose 'offensive' is OR-ed into the model's, against every 'neither' the model learns;"
                    + " examples: its comments are training examples of the one model (default: ${DEFAULT-VALUE})")
    TeamCorpusUse teamCorpusUse;

    @Option(
            names = "--nb-scaling",
            paramLabel = "LABEL",
            description = "weight each id by the absolute"
                    + " naive-Bayes log-count ratio between the training examples labelled LABEL and the others (folded"
                    + " into the served table), or none (default: none; measured for offense, docs/models.md)")
    String nbScaling;

    @Option(
            names = "--validation-fraction",
            description = "share of the training data held out for validation" + " (default: the analyzer's)")
    Double validationFraction;

    @Option(
            names = "--volunteer-precision",
            description = "intent only: out-of-fold precision the volunteer label"
                    + " must reach, 0 to disable (default: the analyzer's)")
    Double volunteerPrecision;

    @Option(
            names = "--weighted-f1-shifts",
            arity = "1",
            description = "shift the labels' logits to the best"
                    + " out-of-fold weighted F1 on the training data: true or false (default: the analyzer's)")
    Boolean weightedF1Shifts;

    TrainingConfig config(Analyzer target) {
        checkRanges();
        TrainingConfig defaults = TrainingConfig.defaultsFor(target);
        checkCombinations(target, defaults);
        TrainingConfig config = defaults.withSeed(seed);
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (volunteerPrecision != null) {
            config = config.withCalibration(
                    volunteerPrecision <= 0
                            ? null
                            : new PrecisionFloor("volunteer", volunteerPrecision, DecisionCalibration.DEFAULT_FOLDS));
        }
        if (weightedF1Shifts != null) {
            config = config.withCalibration(
                    weightedF1Shifts
                            ? new BestWeightedF1(DecisionCalibration.DEFAULT_FOLDS)
                            : config.calibration() instanceof BestWeightedF1 ? null : config.calibration());
        }
        if (validationFraction != null) {
            // early stopping needs a validation split: without one, each model keeps its last epoch
            config = config.withEarlyStopping(config.earlyStopping() && validationFraction > 0)
                    .withValidationFraction(validationFraction);
        }
        if (dim != null) {
            config = config.withEmbeddingDim(dim);
        }
        if (ensemble != null) {
            // before the hidden layer: a model with one needs --ensemble 1 first (the defaults average 3)
            config = config.withEnsemble(ensemble);
        }
        if (hidden != null) {
            config = config.withHiddenUnits(hidden);
        }
        if (batchSize != null) {
            config = config.withBatchSize(batchSize);
        }
        if (learningRate != null) {
            config = config.withLearningRate(learningRate);
        }
        if (classWeightPower != null) {
            config = config.withClassWeightPower(classWeightPower);
        }
        if (earlyStopping != null) {
            config = config.withEarlyStopping(earlyStopping);
        }
        if (tokenDropout != null) {
            config = config.withTokenDropout(tokenDropout);
        }
        if (pooling != null) {
            config = config.withPooling(Pooling.named(pooling));
        }
        if (l2 != null) {
            config = config.withL2(l2);
        }
        if (nbScaling != null) {
            config = config.withNbScaling(nbScaling.equals("none") ? null : nbScaling);
        }
        FeaturiserConfig f = config.featuriser();
        int[] ngrams = charNgrams == null ? new int[] {f.charNgramMin(), f.charNgramMax()} : charNgramRange();
        ExtraFeatures extras = f.extrasOrNone();
        if (wordTrigrams != null) {
            extras = extras.withWordTrigrams(wordTrigrams);
        }
        if (negationWindow != null) {
            extras = extras.withNegationWindow(negationWindow);
        }
        if (lexicon != null && lexiconUse != LexiconUse.examples) {
            extras = extras.withLexicon(LexiconReader.classes(lexicon));
        }
        if (!valenceLexicons.isEmpty()) {
            Map<String, List<String>> classes = new TreeMap<>(extras.lexicon());
            for (String source : valenceLexicons) {
                LexiconReader.valenceClasses(source)
                        .forEach((name, words) -> classes.merge(
                                name,
                                words,
                                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
            }
            extras = extras.withLexicon(classes);
        }
        return config.withFeaturiser(new FeaturiserConfig(
                        normaliserVersion == null ? f.normaliserVersion() : normaliserVersion,
                        buckets == null ? f.buckets() : buckets,
                        maxFeatures == null ? f.maxFeatures() : maxFeatures,
                        wordBigrams == null ? f.wordBigrams() : wordBigrams,
                        ngrams[0],
                        ngrams[1],
                        f.seed())
                .withExtras(extras));
    }

    /** The lexicon's words as one-word examples, when asked for. */
    List<LabelledText> extraExamples() {
        return lexicon != null && lexiconUse != LexiconUse.features ? LexiconReader.read(lexicon) : List.of();
    }

    /**
     * The team's comments (offense only): the intent corpus' texts as {@code neither} examples and
     * the offense corpus with its own labels, added to the training share only: they are not
     * tweets, so they stay out of the validation split.
     */
    List<LabelledText> trainOnlyExamples(Analyzer target) {
        if ((extraNeither != null || teamCorpus != null) && target != Analyzer.OFFENSE) {
            throw new IllegalArgumentException("--extra-neither and --team-corpus are for the offense analyzer only");
        }
        List<LabelledText> examples = new ArrayList<>();
        if (extraNeither != null) {
            examples.addAll(ExtraNeither.read(extraNeither));
        }
        if (teamCorpus != null && teamCorpusUse == TeamCorpusUse.examples) {
            List<LabelledText> team = readTeamCorpus(target);
            for (int k = 0; k < teamCorpusRepeat; k++) {
                examples.addAll(team);
            }
        }
        return examples;
    }

    /** The team corpus as an OR head's data (offense, {@code --team-corpus-as head}), or {@code null}. */
    OrHeadData orHead(Analyzer target) {
        if (teamCorpus == null || teamCorpusUse != TeamCorpusUse.head) {
            return null;
        }
        return new OrHeadData("offensive", "neither", readTeamCorpus(target), teamCorpusRepeat);
    }

    private List<LabelledText> readTeamCorpus(Analyzer target) {
        return LabelledTsvReader.readTraining(teamCorpus, new LinkedHashSet<>(target.labels()));
    }

    /** What the lexicon and the extra examples contributed, for the manifest's provenance. */
    List<String> extraProvenance() {
        List<String> notes = new ArrayList<>();
        if (extraNeither != null) {
            notes.add(extraNeither + " (team comments, every one as a 'neither' training example)");
        }
        if (teamCorpus != null) {
            notes.add(teamCorpus + " (team comments with their own offense labels, training only, each "
                    + teamCorpusRepeat + "× an epoch"
                    + (teamCorpusUse == TeamCorpusUse.head
                            ? ", learned by a second detector OR-ed into 'offensive')"
                            : ", as examples of the one model)"));
        }
        if (lexicon != null) {
            notes.add(lexicon
                    + switch (lexiconUse) {
                        case features -> " (opinion lexicon: word classes in the featuriser)";
                        case examples -> " (opinion lexicon words as one-word examples)";
                        case both -> " (opinion lexicon: word classes in the featuriser and one-word examples)";
                    });
        }
        for (String source : valenceLexicons) {
            notes.add(
                    switch (source) {
                        case LexiconReader.BUNDLED_VADER ->
                            "vader_sentiment_lexicon.txt of com.github.apanimesh061:vader-sentiment-analyzer:1.0 (VADER"
                                    + " valence lexicon, Hutto and Gilbert 2014, MIT licence: word classes in the featuriser)";
                        case LexiconReader.BUNDLED_EMOJI ->
                            "emoji_valence.txt of model-tools (the team's emoji valences: the emoji join the valence"
                                    + " classes in the featuriser)";
                        default -> source + " (valence lexicon: word classes in the featuriser)";
                    });
        }
        return notes;
    }

    /**
     * Each option given within its range, named in the message ({@link TrainingConfig}'s and
     * {@link FeaturiserConfig}'s own checks cannot say which option a value came from), before any
     * data is read.
     */
    private void checkRanges() {
        OptionRanges.atLeast("--epochs", epochs, 1);
        OptionRanges.atLeast("--dim", dim, 1);
        OptionRanges.atLeast("--hidden", hidden, 0);
        OptionRanges.atLeast("--batch-size", batchSize, 1);
        OptionRanges.atLeast("--ensemble", ensemble, 1);
        OptionRanges.atLeast("--class-weight-power", classWeightPower, 0);
        OptionRanges.atLeast("--l2", l2, 0);
        OptionRanges.moreThan("--learning-rate", learningRate, 0);
        OptionRanges.fraction("--token-dropout", tokenDropout);
        OptionRanges.fraction("--validation-fraction", validationFraction);
        // the featuriser hashes into ids 1..buckets-1 (0 is padding): any count from 2 works
        OptionRanges.atLeast("--buckets", buckets, 2);
        OptionRanges.atLeast("--max-features", maxFeatures, 1);
        OptionRanges.atLeast("--negation-window", negationWindow, 0);
        OptionRanges.between(
                "--normaliser-version", normaliserVersion, TextNormaliser.OLDEST_VERSION, TextNormaliser.VERSION);
        OptionRanges.between("--volunteer-precision", volunteerPrecision, 0, 1);
        OptionRanges.atLeast("--team-corpus-repeat", teamCorpusRepeat, 1);
        if (charNgrams != null) {
            charNgramRange();
        }
    }

    /** Options that are each in range but not together (or not with the analyzer's defaults). */
    private void checkCombinations(Analyzer target, TrainingConfig defaults) {
        if (nbScaling != null && !nbScaling.equals("none") && !target.labels().contains(nbScaling)) {
            throw OptionOutOfRangeException.of(
                    "--nb-scaling", "one of " + target.id() + "'s labels " + target.labels() + " or none", nbScaling);
        }
        if (volunteerPrecision != null && target != Analyzer.INTENT) {
            // the floor is on intent's volunteer label: for another analyzer it would be silently ignored
            throw OptionOutOfRangeException.of(
                    "--volunteer-precision",
                    "left out for " + target.id() + " (it is the intent analyzer's precision floor on 'volunteer')",
                    volunteerPrecision);
        }
        boolean shifted =
                weightedF1Shifts != null ? weightedF1Shifts : defaults.calibration() instanceof BestWeightedF1;
        if (shifted && teamCorpus != null && teamCorpusUse == TeamCorpusUse.head) {
            // the shifts are searched on out-of-fold predictions of the model alone: the detector moves 'neither'
            // to 'offensive' after them, so they would not be the best shifts of the model served
            throw OptionOutOfRangeException.of(
                    "--team-corpus-as",
                    "examples with --weighted-f1-shifts true (the shifts are searched without the second detector)",
                    teamCorpusUse);
        }
        int hiddenUnits = hidden != null ? hidden : defaults.hiddenUnits();
        int models = ensemble != null ? ensemble : defaults.ensemble();
        if (hiddenUnits > 0 && models > 1) {
            throw OptionOutOfRangeException.of(
                    "--ensemble",
                    "1 with --hidden " + hiddenUnits + " (an ensemble averages linear models, which have no hidden"
                            + " layer)",
                    models + (ensemble == null ? " (" + target.id() + "'s default)" : ""));
        }
        double validation = validationFraction != null ? validationFraction : defaults.validationFraction();
        if (Boolean.TRUE.equals(earlyStopping) && validation == 0) {
            throw OptionOutOfRangeException.of(
                    "--validation-fraction",
                    "more than 0 with --early-stopping true (the best epoch is chosen on the validation share)",
                    validation);
        }
        long ids = buckets != null ? buckets : defaults.featuriser().buckets();
        tableFits(ids, "--dim", dim != null ? dim : defaults.embeddingDim());
        tableFits(ids, "--hidden", hiddenUnits);
    }

    private static void tableFits(long buckets, String option, int width) {
        if (buckets * width > MAX_TABLE) {
            throw OptionOutOfRangeException.of(
                    "--buckets × " + option,
                    "at most " + MAX_TABLE + " (the weights are one array of buckets × " + option.substring(2)
                            + " floats)",
                    buckets + " × " + width);
        }
    }

    /** {@code --char-ngrams}: MIN-MAX (MIN alone for MIN-MIN), or 0 for none. */
    private int[] charNgramRange() {
        Matcher range = CHAR_NGRAMS.matcher(charNgrams);
        if (range.matches()) {
            int min = Integer.parseInt(range.group(1));
            int max = range.group(2) == null ? min : Integer.parseInt(range.group(2));
            if (min == 0 && range.group(2) == null) {
                return new int[] {0, 0};
            }
            if (min >= 1 && max >= min) {
                return new int[] {min, max};
            }
        }
        throw OptionOutOfRangeException.of(
                "--char-ngrams",
                "MIN-MAX with MIN 1 or more and MAX at least MIN (e.g. 3-5), or 0 for none",
                charNgrams);
    }
}
