package org.voluntree.contracts.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void replacesUrlsWithOneToken() {
        assertThat(TextNormaliser.normalise("Check https://example.org/signup?id=1 and www.foo.com NOW"))
                .isEqualTo("check xxurl and xxurl now");
    }

    @Test
    void findsUrlsWrittenInCapitalsOrMixedCase() {
        assertThat(TextNormaliser.normalise("see WWW.Riverside.org or HtTpS://x.y/z"))
                .isEqualTo("see xxurl or xxurl");
        assertThat(TextNormaliser.normalise("http and https, not addresses")).isEqualTo("http and https not addresses");
    }

    @Test
    void replacesMentionsWithOneToken() {
        assertThat(TextNormaliser.normalise("@Maria_Lopez are you coming")).isEqualTo("xxuser are you coming");
        assertThat(TextNormaliser.normalise("ask @jo.smith")).isEqualTo("ask xxuser");
    }

    @Test
    void makesEveryEmojiItsOwnTokenAndDropsSkinTonesAndSelectors() {
        assertThat(TextNormaliser.normalise("love it❤️🙌🏽")).isEqualTo("love it ❤ 🙌");
        assertThat(TextNormaliser.normalise("👍🏿👍")).isEqualTo("👍 👍");
        assertThat(TextNormaliser.normalise("👨‍👩‍👧")).isEqualTo("👨 👩 👧");
    }

    @Test
    void cutsLettersRepeatedThreeOrMoreTimesToTwo() {
        assertThat(TextNormaliser.normalise("Sooooo cooool")).isEqualTo("soo cool");
        assertThat(TextNormaliser.normalise("see you soon")).isEqualTo("see you soon");
        assertThat(TextNormaliser.normalise("YAAAY éééé")).isEqualTo("yaay éé");
        assertThat(TextNormaliser.normalise("𝓪𝓪𝓪𝓪 ok")).isEqualTo("𝓪𝓪 ok");
        assertThat(TextNormaliser.normalise("1111 ...")).as("only letters").isEqualTo("1111");
    }

    @Test
    void keepsQuestionAndExclamationMarksAsTokens() {
        assertThat(TextNormaliser.normalise("Saturday 10am?!")).isEqualTo("saturday 10am ? !");
        assertThat(TextNormaliser.normalise("yes!!!")).isEqualTo("yes ! ! !");
    }

    @Test
    void lowerCasesAndFoldsOtherPunctuationAndWhitespace() {
        assertThat(TextNormaliser.normalise("COUNT Me In")).isEqualTo("count me in");
        assertThat(TextNormaliser.normalise("  I'll be there,\tpromise...\n really "))
                .isEqualTo("ill be there promise really");
    }

    @Test
    void givesEmptyTextForNothing() {
        assertThat(TextNormaliser.normalise(null)).isEmpty();
        assertThat(TextNormaliser.normalise("")).isEmpty();
        assertThat(TextNormaliser.normalise(" ... ")).isEmpty();
    }

    @Test
    void isIdempotent() {
        String once = TextNormaliser.normalise("Sooo happy!! @ana see https://x.y/z 🙌🏽");
        assertThat(TextNormaliser.normalise(once)).isEqualTo(once);
    }

    @Test
    void readsTypographicApostrophesLikeTheAsciiOne() {
        assertThat(TextNormaliser.normalise("I’ll be there, we’re in")).isEqualTo("ill be there were in");
        assertThat(TextNormaliser.normalise("Iʼm in")).isEqualTo("im in");
    }

    @Test
    void keepsTheRulesOfVersionOneForModelsTrainedWithThem() {
        assertThat(TextNormaliser.normalise("I’ll be there", 1)).isEqualTo("i ll be there");
        assertThat(TextNormaliser.normalise("I'll be there", 1)).isEqualTo("ill be there");
    }

    @Test
    void decodesHtmlCharacterReferencesFromVersionThreeOn() {
        assertThat(TextNormaliser.normalise("so funny &#128514;&#128514; &amp; true", 3))
                .isEqualTo("so funny 😂 😂 true");
        assertThat(TextNormaliser.normalise("&#8220;don&#8217;t&#8221; &lt;3", 3))
                .isEqualTo("dont 3");
        assertThat(TextNormaliser.normalise("&#x1F64C; yes", 3)).isEqualTo("🙌 yes");
        assertThat(TextNormaliser.normalise("bad &#55357; ref &#99999999; and &copy;", 3))
                .isEqualTo("bad ref 99999999 and copy");
    }

    @Test
    void keepsCharacterReferencesAsTextBeforeVersionThree() {
        assertThat(TextNormaliser.normalise("so funny &#128514; &amp; true", 2)).isEqualTo("so funny 128514 amp true");
        assertThat(TextNormaliser.normalise("don&#8217;t", 1)).isEqualTo("don 8217 t");
    }
}
