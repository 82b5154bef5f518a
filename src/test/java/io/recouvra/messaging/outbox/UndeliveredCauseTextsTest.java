package io.recouvra.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.support.EnglishWords;
import io.recouvra.support.FastTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every cause and every word of the "could not be delivered" task has its French and its English text. Read from the
 * files themselves: the application's MessageSource would quietly answer an English team in French where a text lacks.
 */
@FastTest
class UndeliveredCauseTextsTest {

    private static final Properties FRENCH = read("tasklist/messages.properties");
    private static final Properties ENGLISH = read("tasklist/messages_en.properties");

    @Test
    void everyCauseIsWrittenInFrenchAndInEnglish() {
        assertThat(UndeliveredCause.values()).hasSizeGreaterThanOrEqualTo(26).allSatisfy(cause -> {
            assertThat(FRENCH.getProperty(cause.key())).as("French text of " + cause).isNotBlank();
            assertThat(ENGLISH.getProperty(cause.key())).as("English text of " + cause).isNotBlank();
        });
    }

    @Test
    void everyChannelIsNamedInFrenchAndInEnglish() {
        for (Channel channel : Channel.values()) {
            assertThat(FRENCH.getProperty("undeliverable.channel." + channel.name())).as("French " + channel).isNotBlank();
            assertThat(ENGLISH.getProperty("undeliverable.channel." + channel.name())).as("English " + channel).isNotBlank();
        }
    }

    @Test
    void everyMessageKindIsNamedInFrenchAndInEnglish() {
        // a kind added to MessageKind without its names would reach the task as its code (or the bundle's key)
        for (MessageKind kind : MessageKind.values()) {
            assertThat(FRENCH.getProperty("undeliverable.kind." + kind.name())).as("French name of " + kind).isNotBlank();
            assertThat(ENGLISH.getProperty("undeliverable.kind." + kind.name())).as("English name of " + kind).isNotBlank();
        }
        assertThat(FRENCH.stringPropertyNames()).filteredOn(key -> key.startsWith("undeliverable.kind."))
                .allSatisfy(key -> assertThat(MessageKind.valueOf(key.substring("undeliverable.kind.".length()))).isNotNull());
    }

    @Test
    void bothLanguagesHaveTheSameTextsAndNoCauseIsLeftOver() {
        assertThat(ENGLISH.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(FRENCH.stringPropertyNames());
        assertThat(FRENCH.stringPropertyNames()).filteredOn(key -> key.startsWith(UndeliveredCause.KEY_PREFIX))
                .allSatisfy(key -> assertThat(UndeliveredCause.valueOf(key.substring(UndeliveredCause.KEY_PREFIX.length())))
                        .isNotNull());
    }

    @Test
    void theFrenchTextsHaveNoEnglishLeft() {
        FRENCH.stringPropertyNames().forEach(key ->
                assertThat(EnglishWords.in(FRENCH.getProperty(key).replaceAll("\\{\\d}", " "))).as(key).isEmpty());
    }

    @Test
    void everyTextIsAPatternWhoseApostrophesShow() {
        for (Properties texts : new Properties[] {FRENCH, ENGLISH}) {
            texts.stringPropertyNames().forEach(key -> {
                String text = texts.getProperty(key);
                // a lone apostrophe would start a quoted part and swallow the arguments after it
                assertThat(text.replace("''", "")).as(key).doesNotContain("'");
                assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {"a", "b", "c"})).as(key).doesNotContain("{");
            });
        }
        assertThat(new MessageFormat(FRENCH.getProperty(UndeliveredCause.COMPOSE_FAILED.key()), Locale.FRENCH)
                .format(new Object[] {"x"})).isEqualTo("le message n'a pas pu être rédigé (x) : prévenez l'administrateur");
    }

    private static Properties read(String path) {
        Properties texts = new Properties();
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
        return texts;
    }
}
