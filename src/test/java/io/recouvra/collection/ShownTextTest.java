package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A variable as a form's text view shows it: written for its reader, then escaped so that form-js shows it as text. */
@FastTest
class ShownTextTest {

    private static final Viewer FRENCH = new Viewer(Locale.FRANCE, ZoneId.of("Europe/Paris"));
    private static final Viewer AMERICAN = new Viewer(Locale.US, ZoneId.of("America/New_York"));

    @Test
    void markdownAndHtmlInANameAreWrittenAsCharacterReferences() {
        // "<" is code point 60, "=" 61, "(" 40, ")" 41, ">" 62, "[" 91, "]" 93, ":" 58, "/" 47
        assertThat(ShownText.escape("<img src=x onerror=alert(1)> [lien](http://evil)")).isEqualTo(
                "&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62; &#91;lien&#93;&#40;http&#58;&#47;&#47;evil&#41;");
        // "*" 42, "_" 95, "#" 35, "@" 64, "." 46, newline 10: no emphasis, heading, autolink or line of its own
        assertThat(ShownText.escape("**x** _y_\n# z a@b.fr")).isEqualTo("&#42;&#42;x&#42;&#42; &#95;y&#95;&#10;&#35; z a&#64;b&#46;fr");
    }

    @Test
    void lettersDigitsAndSpacesOfAnyAlphabetStayAsTheyAre() {
        assertThat(ShownText.escape("Société Générale 2026 Ωmega 東京")).isEqualTo("Société Générale 2026 Ωmega 東京");
        // "€" is code point 8364, "," 44
        assertThat(ShownText.escape("1 234,56 €")).isEqualTo("1 234&#44;56 &#8364;");
        // a character outside the basic plane is one reference, not two halves
        assertThat(ShownText.escape("\uD83D\uDE00")).isEqualTo("&#128512;");
    }

    @Test
    void datesAreWrittenForTheReader() {
        assertThat(ShownText.written("prescribedOn", "2031-05-03", FRENCH)).isEqualTo("03/05/2031");
        assertThat(ShownText.written("prescribedOn", "2031-05-03", AMERICAN)).isEqualTo("5/3/2031");
        // 2026-12-02 23:30 UTC is already 3 December in Paris, still 2 December in New York
        Date late = Date.from(Instant.parse("2026-12-02T23:30:00Z"));
        assertThat(ShownText.written("servedOn", late, FRENCH)).isEqualTo("03/12/2026");
        assertThat(ShownText.written("servedOn", late, AMERICAN)).isEqualTo("12/2/2026");
        assertThat(ShownText.written("lastInterruption", "due date of 2026-05-03", FRENCH)).isEqualTo("due date of 03/05/2026");
    }

    @Test
    void aReferenceMadeOfDigitsAndDashesIsNotADate() {
        assertThat(ShownText.written("invoiceNumber", "F-2026-12-04", FRENCH)).isEqualTo("F-2026-12-04");
        assertThat(ShownText.written("invoiceNumber", "F/2026/001", FRENCH)).isEqualTo("F/2026/001");
    }

    @Test
    void decimalsBooleansAndDisputeReasonsInTheReadersWords() {
        assertThat(ShownText.written("planTotal", 1234.5, FRENCH)).isEqualTo("1 234,50");
        assertThat(ShownText.written("planTotal", new BigDecimal("1234.5"), AMERICAN)).isEqualTo("1,234.50");
        assertThat(ShownText.written("daysOverdue", 45, FRENCH)).isEqualTo("45");
        assertThat(ShownText.written("insured", true, FRENCH)).isEqualTo("oui");
        assertThat(ShownText.written("disputeReason", "PRICE", FRENCH)).isEqualTo("prix");
        assertThat(ShownText.written("disputeReason", "ALREADY_PAID", AMERICAN)).isEqualTo("already paid");
        assertThat(ShownText.of("customerName", null, FRENCH)).isEmpty();
    }
}
