package io.recouvra.support;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Words that are English and never French, to find English left in what a French reader reads (forms, task and
 * process names, task descriptions); words both languages share (date, question, message, plan, route) are not in it.
 */
public final class EnglishWords {

    private static final Set<String> WORDS = Set.of("the", "and", "of", "to", "for", "with", "from", "is", "are",
            "was", "not", "it", "its", "this", "that", "what", "why", "when", "which", "who", "your", "you", "by", "be",
            "has", "have", "been", "will", "may", "after", "before", "then", "here", "there", "if", "an", "at",
            "invoice", "invoices", "owed", "owes", "customer", "debtor", "amount", "approve", "approved", "refuse",
            "reason", "decision", "outcome", "dispute", "disputes", "payment", "call", "due", "overdue",
            "days", "record", "recorded", "court", "order", "judgment", "answer", "credit", "limit",
            "write", "off", "recovered", "served", "filed", "signed", "still", "late", "insurer", "claim", "reference",
            "sales", "operations", "other", "nothing", "send", "sent", "half", "year", "where", "read", "check", "yes",
            "no", "none", "phone", "email", "name", "role", "status");

    private EnglishWords() {
    }

    /** The English words of a text, as written. */
    public static List<String> in(String text) {
        return Stream.of(text.split("[^\\p{L}]+")).filter(word -> WORDS.contains(word.toLowerCase(Locale.ROOT))).toList();
    }
}
