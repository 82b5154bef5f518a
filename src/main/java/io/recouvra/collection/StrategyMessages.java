package io.recouvra.collection;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Tone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Which messages a decision table asks for: the contract between the tables' outputs and {@link Dunning}.
 * An output named {@code preDueChannels} sends the pre-due reminder, {@code level<n>Channels} reminder
 * level n (levels past the third reuse the third's templates), each on the channels its rule lists
 * ("EMAIL,SMS,LETTER"), in the rule's {@code tone}. Read by Dunning when it sends, and by the checks
 * that every message a table can ask for has its templates.
 */
public final class StrategyMessages {

    static final String PRE_DUE_CHANNELS = "preDueChannels";
    static final String PRE_DUE_MENTIONS_DISCOUNT = "preDueMentionsDiscount";
    private static final Pattern LEVEL_CHANNELS = Pattern.compile("level(\\d+)Channels");
    private static final String TONE = "tone";

    /** The formal notice is not the table's choice: the law wants a registered letter, the email is its copy. */
    public static final String FORMAL_NOTICE_CHANNELS = "EMAIL,LETTER";

    private StrategyMessages() {
    }

    /**
     * One message a rule can ask for.
     *
     * @param row     the rule's position in the table, from 1, as Modeler shows it
     * @param channel as the rule writes it: {@link #knownChannel()} is empty when it names no channel
     */
    public record Ask(String table, String ruleId, int row, String ruleDescription, String output, MessageKind kind,
                      Tone tone, String channel) {

        public Optional<Channel> knownChannel() {
            return Arrays.stream(Channel.values()).filter(c -> c.name().equals(channel)).findFirst();
        }

        /** Where a person finds it in Modeler. */
        public String rule() {
            return "table " + table + ", rule " + row + " (" + ruleId
                    + (ruleDescription == null || ruleDescription.isBlank() ? "" : ": " + ruleDescription.strip()) + ")";
        }
    }

    /**
     * Whether the pre-due reminder offers the invoice's early-payment discount. Yes unless the table says
     * false: a strategy chosen before the table had the output, or a table edited without it, offers it.
     */
    static boolean preDueOffersDiscount(java.util.Map<String, Object> strategy) {
        return !Boolean.FALSE.equals(strategy.get(PRE_DUE_MENTIONS_DISCOUNT));
    }

    /** The kind of message an output of a table sends, if it sends one. */
    public static Optional<MessageKind> kindOf(String outputName) {
        if (PRE_DUE_CHANNELS.equals(outputName)) {
            return Optional.of(MessageKind.PRE_DUE_REMINDER);
        }
        Matcher level = LEVEL_CHANNELS.matcher(outputName == null ? "" : outputName);
        return level.matches() ? Optional.of(reminderKind(Integer.parseInt(level.group(1)))) : Optional.empty();
    }

    /** Templates exist for three reminder levels; later levels reuse the third. */
    static MessageKind reminderKind(int level) {
        return switch (Math.min(level, 3)) {
            case 1 -> MessageKind.REMINDER_1;
            case 2 -> MessageKind.REMINDER_2;
            default -> MessageKind.REMINDER_3;
        };
    }

    /** The channels of a table's channel list ("EMAIL, SMS"); none for null or empty. */
    static List<String> channels(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /** Every message any rule of any decision table of this model can ask for, rule by rule. */
    public static List<Ask> asks(DmnModelInstance model) {
        List<Ask> asks = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (decision.getExpression() instanceof DecisionTable table) {
                asks.addAll(asks(decision, table));
            }
        }
        return asks;
    }

    private static List<Ask> asks(Decision decision, DecisionTable table) {
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        List<Ask> asks = new ArrayList<>();
        int row = 0;
        for (Rule rule : table.getRules()) {
            row++;
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            Tone tone = Tone.COURTEOUS;
            for (int i = 0; i < outputs.size() && i < entries.size(); i++) {
                String value = literal(entries.get(i));
                if (TONE.equals(outputs.get(i).getName()) && value != null) {
                    tone = Arrays.stream(Tone.values()).filter(t -> t.name().equals(value)).findFirst().orElse(tone);
                }
            }
            for (int i = 0; i < outputs.size() && i < entries.size(); i++) {
                String output = outputs.get(i).getName();
                Optional<MessageKind> kind = kindOf(output);
                if (kind.isEmpty()) {
                    continue;
                }
                // the pre-due reminder is courteous whatever the table's tone (Dunning.preDueReminder)
                Tone used = kind.get() == MessageKind.PRE_DUE_REMINDER ? Tone.COURTEOUS : tone;
                for (String channel : channels(literal(entries.get(i)))) {
                    asks.add(new Ask(decision.getId(), rule.getId(), row,
                            rule.getDescription() == null ? null : rule.getDescription().getTextContent(),
                            output, kind.get(), used, channel));
                }
            }
        }
        return asks;
    }

    /** A FEEL string literal without its quotes; null for null or empty; anything else as written. */
    private static String literal(OutputEntry entry) {
        String text = entry.getText() == null ? "" : entry.getText().getTextContent().strip();
        if (text.isEmpty() || text.equals("null")) {
            return null;
        }
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
