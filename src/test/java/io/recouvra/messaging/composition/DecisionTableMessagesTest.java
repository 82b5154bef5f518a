package io.recouvra.messaging.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.collection.StrategyMessages;
import io.recouvra.collection.StrategyMessages.Ask;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.channel.OutboundMessage;
import io.recouvra.messaging.outbox.OutboxMessage;
import io.recouvra.messaging.outbox.OutboxMessageRepository;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every message the shipped decision tables (processes/*.dmn) can ask for — every kind and channel any
 * rule outputs, in the rule's tone, in every language the templates are written in — is composed by the
 * real composer: a table edit asking for a message no template writes fails the build, not a debtor.
 */
@RecouvraTest
class DecisionTableMessagesTest {

    private static final Map<String, String> CLAIM = Map.of("principal", "PRINCIPAL-1", "interest", "INTEREST-1",
            "indemnity", "INDEMNITY-1", "totalClaim", "TOTAL-1", "paymentDeadline", "DEADLINE-1");

    @Autowired
    Messages messages;
    @Autowired
    MessageComposer composer;
    @Autowired
    OutboxMessageRepository outbox;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Clock clock;

    /** One (kind, channel, tone) per distinct ask of the shipped tables, plus the formal notice Dunning sends itself. */
    static Stream<Arguments> everyMessageTheTablesCanAskFor() throws IOException {
        Set<List<Object>> distinct = new LinkedHashSet<>();
        for (Ask ask : shippedAsks()) {
            distinct.add(List.of(ask.kind(), ask.knownChannel().orElseThrow(() -> new AssertionError(ask.rule()
                    + " names an unknown channel " + ask.channel())), ask.tone()));
        }
        for (String channel : StrategyMessages.FORMAL_NOTICE_CHANNELS.split(",")) {
            distinct.add(List.of(MessageKind.FORMAL_NOTICE, Channel.valueOf(channel), Tone.FORMAL));
        }
        List<Arguments> cases = new ArrayList<>();
        for (List<Object> message : distinct) {
            for (String language : new MessageTemplates().languages()) {
                cases.add(Arguments.of(message.get(0), message.get(1), message.get(2), language));
            }
        }
        return cases.stream();
    }

    @Test
    void theShippedTablesAreReadRuleByRuleIncludingTheLettersOfLevelsTwoAndThree() throws IOException {
        List<Ask> asks = shippedAsks();

        assertThat(asks).anySatisfy(ask -> {
            assertThat(ask.rule()).startsWith("table DunningStrategy, rule 2 (Rule_PublicSector");
            assertThat(ask.output()).isEqualTo("level2Channels");
            assertThat(ask.kind()).isEqualTo(MessageKind.REMINDER_2);
            assertThat(ask.channel()).isEqualTo("LETTER");
            assertThat(ask.tone()).isEqualTo(Tone.FORMAL);
        });
        assertThat(asks).filteredOn(ask -> ask.kind() == MessageKind.REMINDER_3 && "LETTER".equals(ask.channel()))
                .extracting(Ask::ruleId).contains("Rule_HighRisk", "Rule_BrokenPromise", "Rule_Insured", "Rule_MediumRisk",
                        "Rule_HabitualLatePayer", "Rule_LargeAmount", "Rule_Default");
        assertThat(new MessageTemplates().languages()).startsWith("fr").contains("en");
    }

    @ParameterizedTest(name = "{0} by {1} ({2}) in {3}")
    @MethodSource("everyMessageTheTablesCanAskFor")
    void isComposedByTheRealComposer(MessageKind kind, Channel channel, Tone tone, String language) throws IOException {
        Debtor debtor = debtor(language);
        OutboxMessage row = ask(debtor, kind, channel, tone);

        OutboundMessage message = composer.compose(OutboxMessage.toCompose(List.of(row))).orElseThrow();

        // a reminder shows what is owed; the formal notice the claim Dunning computed
        String amount = kind == MessageKind.FORMAL_NOTICE ? "TOTAL-1"
                : plain(MessageComposer.money(new BigDecimal("1234.56"), "EUR", new Locale(language, "FR")));
        switch (channel) {
            case EMAIL -> {
                assertThat(message.recipient()).isEqualTo(debtor.email);
                for (String part : List.of(message.subject(), message.text(), message.html())) {
                    assertThat(plain(part)).isNotBlank().contains(debtor.invoiceNumber).doesNotContain("null")
                            .doesNotContain("[#").doesNotContain("th:").doesNotContain("/portal");
                }
                assertThat(plain(message.text())).contains(amount);
            }
            case SMS -> {
                assertThat(message.text()).contains(debtor.invoiceNumber).contains(amount)
                        .doesNotContain("null").doesNotContain("/portal");
                assertThat(Sms.isGsm7(message.text())).as("GSM-7 only: %s", message.text()).isTrue();
                assertThat(Sms.segments(message.text())).isLessThanOrEqualTo(2);
            }
            case LETTER -> {
                try (PDDocument pdf = Loader.loadPDF(message.letter())) {
                    String text = plain(new PDFTextStripper().getText(pdf));
                    assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                    assertThat(text).contains(debtor.name).contains(debtor.invoiceNumber)
                            .contains(amount).doesNotContain("/portal");
                }
            }
        }
    }

    /** What the build does with a table edit asking for a message nobody wrote: it cannot be composed, and says why. */
    @Test
    void aTableEditedToSendTheFirstReminderByLetterAsksForATemplateThatDoesNotExist() throws IOException {
        String edited = Files.readString(Path.of("processes/dunning-strategy.dmn")).replace(
                "<outputEntry id=\"Rule_Default_Out6\" expressionLanguage=\"feel\"><text><![CDATA[\"EMAIL\"]]>",
                "<outputEntry id=\"Rule_Default_Out6\" expressionLanguage=\"feel\"><text><![CDATA[\"EMAIL,LETTER\"]]>");
        Ask letter = StrategyMessages.asks(Dmn.readModelFromStream(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8))))
                .stream().filter(ask -> ask.ruleId().equals("Rule_Default") && ask.channel().equals("LETTER")
                        && ask.kind() == MessageKind.REMINDER_1).findFirst().orElseThrow();
        OutboxMessage row = ask(debtor("fr"), letter.kind(), Channel.LETTER, letter.tone());

        assertThatThrownBy(() -> composer.compose(OutboxMessage.toCompose(List.of(row)))).isInstanceOf(MissingTemplateException.class)
                .hasMessageContaining("REMINDER_1 has no letter template (templates/messages/reminder-1/letter.fr.html)");
    }

    private static List<Ask> shippedAsks() throws IOException {
        List<Ask> asks = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path dmn : files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList()) {
                asks.addAll(StrategyMessages.asks(Dmn.readModelFromFile(dmn.toFile())));
            }
        }
        assertThat(asks).as("messages asked for by processes/*.dmn").isNotEmpty();
        return asks;
    }

    private record Debtor(UUID customerId, UUID invoiceId, String invoiceNumber, String name, String email) {
    }

    private Debtor debtor(String language) {
        String number = TestData.invoiceNumber();
        String name = "Menuiseries Durand " + number;
        String email = "compta@" + number.toLowerCase(Locale.ROOT) + ".example";
        UUID customerId = customers.register(new NewCustomer(name, TestData.siren(), "FR", language, "Europe/Paris",
                "8 quai des Chartrons", "33000", "Bordeaux", List.of(new NewCustomer.NewContact("M. Durand", "Gérant",
                        email, "+33612345678", true, true, false)))).getId();
        LocalDate due = LocalDate.now(clock).minusDays(40);
        UUID invoiceId = invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due,
                new BigDecimal("1234.56"), "EUR")).getId();
        return new Debtor(customerId, invoiceId, number, name, email);
    }

    /** Stored far ahead, so that no dispatcher sends it while the test composes it. */
    private OutboxMessage ask(Debtor debtor, MessageKind kind, Channel channel, Tone tone) {
        String step = "table-check-" + kind + "-" + channel;
        messages.enqueue(debtor.invoiceNumber, step, channel, kind, tone, debtor.customerId, debtor.invoiceId,
                clock.instant().plus(Duration.ofDays(365)), kind == MessageKind.FORMAL_NOTICE ? CLAIM : Map.of());
        return outbox.findByCaseRefAndStepOrderByCreatedAt(debtor.invoiceNumber, step).get(0);
    }

    /** Locale formatting's no-break spaces, and line breaks, read as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }
}
