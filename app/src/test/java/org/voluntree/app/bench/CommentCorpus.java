package org.voluntree.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.voluntree.app.testing.FacebookPayloads.Comment;

/**
 * Realistic comment texts (the team's intent corpus, so about one in six is a volunteer and
 * creates volunteer and interest rows) under unique comment ids.
 */
final class CommentCorpus {

    private final List<String> texts;
    private final Random random = new Random(42);

    private CommentCorpus(List<String> texts) {
        this.texts = texts;
    }

    static CommentCorpus load() {
        for (Path dir : List.of(Path.of("data", "intent"), Path.of("..", "data", "intent"))) {
            Path train = dir.resolve("train.tsv");
            if (Files.exists(train)) {
                try {
                    List<String> texts = new ArrayList<>();
                    for (String file : List.of("train.tsv", "test.tsv")) {
                        Files.readAllLines(dir.resolve(file)).stream()
                                .skip(1)
                                .map(line -> line.substring(line.indexOf('\t') + 1))
                                .filter(text -> !text.isBlank())
                                .forEach(texts::add);
                    }
                    return new CommentCorpus(texts);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new CommentCorpus(List.of(
                "Count me in for Saturday!",
                "what should I bring on sunday?",
                "thank you all so much",
                "how do I sign up?",
                "can I donate instead?",
                "lol tagging @sam"));
    }

    int size() {
        return texts.size();
    }

    /** Comments {@code prefix_0 … prefix_(count-1)} by one of 5,000 people. */
    List<Comment> comments(String prefix, int count) {
        List<Comment> comments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int author = random.nextInt(5_000);
            comments.add(new Comment(
                    prefix + "_" + i,
                    Integer.toString(900_000 + author),
                    "Person " + author,
                    texts.get(random.nextInt(texts.size()))));
        }
        return comments;
    }
}
