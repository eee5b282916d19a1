package org.voluntree.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;

class WebhookPayloadParserTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final WebhookPayloadParser parser = new WebhookPayloadParser();

    @Test
    void readsAFeedCommentInFacebooksShape() {
        WebhookPayloadParser.Parsed parsed = parse("""
                {"object":"page","entry":[{"id":"123","time":1764064801,"changes":[{"field":"feed","value":{
                  "from":{"id":"456","name":"Ana"},"post_id":"123_789","comment_id":"789_1","parent_id":"123_789",
                  "created_time":1764064800,"item":"comment","verb":"add","message":"I can help Sunday"}}]}]}
                """);

        assertThat(parsed.skipped()).isZero();
        InboundEvent event = parsed.events().get(0);
        assertThat(event.key()).isEqualTo("c:789_1:add");
        assertThat(event.kind()).isEqualTo(EventKind.COMMENT);
        assertThat(event.pageId()).isEqualTo("123");
        assertThat(event.postId()).isEqualTo("123_789");
        assertThat(event.parentId())
                .as("a top-level comment's parent is the post")
                .isNull();
        assertThat(event.authorName()).isEqualTo("Ana");
        assertThat(event.createdAt()).isEqualTo(Instant.ofEpochSecond(1764064800));
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.classifiable()).isTrue();
    }

    @Test
    void keysAnEditByItsTextSoEachEditIsNew() {
        String edit = """
                {"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{"from":{"id":"2"},
                  "comment_id":"3_4","post_id":"1_3","item":"comment","verb":"edited","message":"%s"}}]}]}
                """;

        String first = parse(edit.formatted("see you there")).events().get(0).key();
        String second = parse(edit.formatted("see you there!")).events().get(0).key();

        assertThat(first).startsWith("c:3_4:edited:").isNotEqualTo(second);
    }

    @Test
    void readsMessagesEchoesAndPostbacks() {
        WebhookPayloadParser.Parsed parsed = parse("""
                {"object":"page","entry":[{"id":"10","time":1764064800123,"messaging":[
                  {"sender":{"id":"P1"},"recipient":{"id":"10"},"timestamp":1764064800123,
                   "message":{"mid":"m_1","text":"Sat 9-12","quick_reply":{"payload":"SLOT|7"}}},
                  {"sender":{"id":"10"},"recipient":{"id":"P1"},"timestamp":1764064800200,
                   "message":{"mid":"m_2","text":"hi there","is_echo":true}},
                  {"sender":{"id":"P1"},"recipient":{"id":"10"},"timestamp":1764064800300,
                   "postback":{"mid":"m_3","title":"Yes","payload":"CONSENT_YES"}}]}]}
                """);

        assertThat(parsed.events()).extracting(InboundEvent::key).containsExactly("m:m_1", "m:m_2", "p:m_3");
        assertThat(parsed.events().get(0).createdAt()).isEqualTo(Instant.ofEpochMilli(1764064800123L));
        assertThat(parsed.events().get(0).payload())
                .as("a quick reply's payload")
                .isEqualTo("SLOT|7");
        assertThat(parsed.events().get(1).verb()).isEqualTo("echo");
        assertThat(parsed.events().get(1).recipientId())
                .as("an echo is addressed to the person")
                .isEqualTo("P1");
        assertThat(parsed.events().get(1).classifiable())
                .as("the page's own words are not classified")
                .isFalse();
        assertThat(parsed.events().get(2).payload()).isEqualTo("CONSENT_YES");
        assertThat(parsed.events().get(2).classifiable()).isFalse();
    }

    @Test
    void skipsChangesWithoutTheFieldsItNeeds() {
        WebhookPayloadParser.Parsed parsed = parse("""
                {"object":"page","entry":[{"id":"1","changes":[
                  {"field":"feed","value":{"item":"comment","verb":"add","message":"no ids"}},
                  {"field":"feed","value":{"item":"like","verb":"add"}},
                  {"field":"mention","value":{}}],
                 "messaging":[{"recipient":{"id":"1"},"message":{"mid":"m","text":"no sender"}}]}]}
                """);

        assertThat(parsed.events()).isEmpty();
        assertThat(parsed.skipped()).isEqualTo(4);
    }

    @Test
    void refusesBodiesThatAreNotPageDeliveries() {
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("{\"object\":\"page\",\"entry\":{}}")).hasMessageContaining("array");
        assertThatThrownBy(() -> parse("{\"object\":\"page\",\"entry\":[{\"changes\":[]}]}"))
                .hasMessageContaining("page 'id'");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("{\"object\":")).hasMessageContaining("not valid JSON");
    }

    private WebhookPayloadParser.Parsed parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }
}
