package io.recouvra.messaging.webhook;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.DisputeRequested;
import io.recouvra.messaging.contact.OptOuts;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What debtors send back: opt-outs, opt-ins, disputes and anything else, all on the record. */
@Service
class SmsReplies {

    private static final Logger log = LoggerFactory.getLogger(SmsReplies.class);

    static final Set<String> STOP_WORDS = Set.of("STOP", "ARRET", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES");
    static final Set<String> DISPUTE_WORDS = Set.of("LITIGE", "DISPUTE");

    private final CustomerService customers;
    private final OptOuts optOuts;
    private final InteractionLog interactions;
    private final ApplicationEventPublisher events;

    SmsReplies(CustomerService customers, OptOuts optOuts, InteractionLog interactions, ApplicationEventPublisher events) {
        this.customers = customers;
        this.optOuts = optOuts;
        this.interactions = interactions;
        this.events = events;
    }

    /**
     * @param optOutType Twilio's own reading of the message (STOP, START, HELP) when its Advanced
     *                   Opt-Out is on; it wins over our keyword list
     */
    @Transactional
    void received(String messageSid, String from, String body, String optOutType) {
        String keyword = keyword(body);
        List<Customer> senders = customers.withContactPhone(from);
        if (senders.stream().anyMatch(customer -> interactions.hasInbound(messageSid, customer.getId()))) {
            // Twilio delivers again what it thinks failed; an old STOP must not undo a newer START.
            return;
        }
        boolean onlyKeyword = keyword.equals(normalized(body));
        if ("STOP".equalsIgnoreCase(optOutType) || STOP_WORDS.contains(keyword)) {
            optOuts.optOut(Channel.SMS, from, "INBOUND_STOP");
            record(senders, Type.OPT_OUT, "Opted out of SMS by replying " + keyword, body, messageSid);
        } else if ("START".equalsIgnoreCase(optOutType) || onlyKeyword && START_WORDS.contains(keyword)) {
            // Opting back in takes the bare keyword: "Yes I paid" is a reply, not a consent.
            optOuts.optIn(Channel.SMS, from);
            record(senders, Type.OPT_IN, "Opted back in to SMS by replying " + keyword, body, messageSid);
        } else if (DISPUTE_WORDS.contains(keyword)) {
            boolean first = record(senders, Type.REPLY, "Dispute requested by SMS", body, messageSid);
            if (first) {
                senders.forEach(customer -> events.publishEvent(new DisputeRequested(customer.getId(), from, body)));
            }
        } else {
            record(senders, Type.REPLY, "SMS reply from " + from, body, messageSid);
        }
        if (senders.isEmpty()) {
            log.info("SMS {} from a number no customer has ({}): opt-out honoured if asked, nothing else kept", messageSid,
                    from.replaceAll("\\d(?=\\d{2})", "*"));
        }
    }

    /** @return whether the message was new (a provider's retry of the same message records nothing) */
    private boolean record(List<Customer> senders, Type type, String summary, String body, String messageSid) {
        boolean recorded = false;
        for (Customer customer : senders) {
            recorded |= interactions.recordInbound(customer.getId(), Medium.SMS, type, summary, body, messageSid);
        }
        return recorded;
    }

    /** The first word, upper case, accents removed: "Arrêt svp" reads ARRET. */
    static String keyword(String body) {
        return normalized(body == null ? "" : body.strip().split("\\s+", 2)[0]);
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
    }
}
