package io.recouvra.collection;

import io.recouvra.engine.TeamLanguage;
import io.recouvra.guarantee.Guarantee;
import io.recouvra.guarantee.Guarantees;
import io.recouvra.messaging.Channel;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.receivables.Contact;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.scoring.CreditScore;
import io.recouvra.scoring.Scoring;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The steps of a CollectorCall: the call sheet, what the collector heard, and telling the invoices. */
@Service
class CallSteps {

    static final Set<String> OUTCOMES = Set.of("PROMISE_TO_PAY", "PAYMENT_PLAN_REQUESTED", "DISPUTE", "WRONG_CONTACT",
            "NO_ANSWER", "ALREADY_PAID");
    private static final int RECENT_INTERACTIONS = 10;
    private static final Set<Type> SENT = Set.of(Type.MESSAGE_SENT);
    /** The form lists this many open invoices, oldest due first, and says how many more there are. */
    private static final int LISTED_INVOICES = 50;

    private final CollectorCalls calls;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final Scoring scoring;
    private final InteractionLog interactions;
    private final PromisesToPay promises;
    private final Disputes disputes;
    private final Messages messages;
    private final Amounts amounts;
    private final PaymentPlans plans;
    private final CollectionCalendar calendar;
    private final Clock clock;
    private final Guarantees guarantees;
    private final CallAttempts attempts;
    private final RecoveryStages stages;

    CallSteps(CollectorCalls calls, CustomerService customers, InvoiceService invoices, Scoring scoring,
              InteractionLog interactions, PromisesToPay promises, Disputes disputes, Messages messages, Amounts amounts,
              PaymentPlans plans, CollectionCalendar calendar, Clock clock, Guarantees guarantees, CallAttempts attempts,
              RecoveryStages stages) {
        this.attempts = attempts;
        this.stages = stages;
        this.guarantees = guarantees;
        this.calls = calls;
        this.customers = customers;
        this.invoices = invoices;
        this.scoring = scoring;
        this.interactions = interactions;
        this.promises = promises;
        this.disputes = disputes;
        this.messages = messages;
        this.amounts = amounts;
        this.plans = plans;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * What the collector sees in the form, read from the ledger and the trail as they are now, written
     * for its reader: overdue invoices apart from those not due yet, each with its own total, dates in
     * the reader's format, times in the reader's zone and the debtor's. Small lists, for the form's tables.
     */
    @Transactional
    Map<String, Object> callSheet(UUID customerId, Viewer viewer) {
        Customer customer = customers.get(customerId);
        LocalDate today = calendar.today();
        ZoneId debtorZone = customer.getTimeZone();
        List<Invoice> open = invoices.openOf(customerId);
        // overdue from the day after the due date (OverduePolicy), so an invoice due today is not overdue yet
        List<Invoice> overdue = open.stream().filter(i -> i.getDueDate().isBefore(today)).toList();
        List<Invoice> notYetDue = open.stream().filter(i -> !i.getDueDate().isBefore(today)).toList();
        List<Map<String, Object>> overdueRows = overdue.stream().limit(LISTED_INVOICES).map(invoice -> row(
                "number", invoice.getNumber(),
                "dueDate", viewer.date(invoice.getDueDate()),
                "daysOverdue", (int) ChronoUnit.DAYS.between(invoice.getDueDate(), today),
                "outstanding", money(invoice.getOutstanding(), invoice.getCurrency(), viewer),
                "status", status(invoice.getStatus(), viewer))).toList();
        List<Map<String, Object>> notYetDueRows = notYetDue.stream().limit(LISTED_INVOICES).map(invoice -> row(
                "number", invoice.getNumber(),
                "dueDate", viewer.date(invoice.getDueDate()),
                "due", dueIn(invoice.getDueDate(), today, viewer),
                "outstanding", money(invoice.getOutstanding(), invoice.getCurrency(), viewer),
                "status", status(invoice.getStatus(), viewer))).toList();
        // every open invoice in one table, for the forms deployed before the two tables (running calls)
        List<Map<String, Object>> allRows = open.stream().limit(LISTED_INVOICES).map(invoice -> row(
                "number", invoice.getNumber(),
                "dueDate", viewer.date(invoice.getDueDate()),
                "daysOverdue", invoice.getDueDate().isBefore(today)
                        ? String.valueOf(ChronoUnit.DAYS.between(invoice.getDueDate(), today)) : dueIn(invoice.getDueDate(), today, viewer),
                "outstanding", money(invoice.getOutstanding(), invoice.getCurrency(), viewer),
                "status", status(invoice.getStatus(), viewer))).toList();
        List<Map<String, Object>> contacts = customer.getContacts().stream().map(contact -> row(
                "name", contact.getName(),
                "role", nullToEmpty(contact.getRole()),
                "phone", nullToEmpty(contact.getPhone()),
                "email", nullToEmpty(contact.getEmail()))).toList();
        List<Map<String, Object>> lastInteractions = interactions.latestOfCustomer(customerId, RECENT_INTERACTIONS)
                .stream().map(i -> row("when", viewer.dateTime(i.getOccurredAt()),
                        "whenDebtor", viewer.dateTime(i.getOccurredAt(), debtorZone),
                        "channel", i.getChannel().name(), "summary", i.getSummary(),
                        "actor", i.getActor() == null ? viewer.say("Recouvra (automatique)", "Recouvra (automatic)") : i.getActor()))
                .toList();
        List<Map<String, Object>> sent = interactions.latestOfCustomer(customerId, SENT, RECENT_INTERACTIONS).stream()
                .map(i -> row("when", viewer.dateTime(i.getOccurredAt()), "whenDebtor", viewer.dateTime(i.getOccurredAt(), debtorZone),
                        "invoice", i.getInvoiceId() == null ? "" : invoices.get(i.getInvoiceId()).getNumber(),
                        "channel", i.getChannel().name(), "summary", i.getSummary())).toList();
        List<Map<String, Object>> promiseRows = promises.latest(customerId, RECENT_INTERACTIONS).stream().map(p -> row(
                "madeOn", viewer.dateTime(p.madeAt()),
                "promisedDate", viewer.date(p.promisedDate()),
                "amount", money(p.amount(), p.currency(), viewer),
                "status", promiseStatus(p.status(), viewer))).toList();
        List<Map<String, Object>> disputeRows = disputes.openOfCustomer(customerId).stream().map(d -> row(
                "invoice", d.invoiceNumber(),
                "reason", disputeReason(d.reason(), viewer),
                "since", viewer.dateTime(d.raisedAt()),
                "description", nullToEmpty(d.description()))).toList();
        // what secures the debt, so the collector can say a guarantor will be called; a released one is gone
        List<Map<String, Object>> guaranteeRows = guarantees.ofCustomer(customerId).stream()
                .filter(g -> g.status() != Guarantee.Status.RELEASED).limit(LISTED_INVOICES).map(g -> row(
                        "kind", guaranteeKind(g, viewer),
                        "provider", nullToEmpty(g.providerName()),
                        "covers", g.invoiceNumber() == null ? viewer.say("tout le compte", "the whole account") : g.invoiceNumber(),
                        "capLeft", money(g.capLeft(), g.currency(), viewer),
                        "until", g.endsOn() == null ? "" : viewer.date(g.endsOn()),
                        "valid", g.validOn(today) ? viewer.say("oui", "yes") : viewer.say("non", "no"))).toList();
        CreditScore score = scoring.history(customerId, 1).stream().findFirst().orElse(null);
        Map<String, Object> sheet = new HashMap<>();
        sheet.put("guarantees", guaranteeRows);
        sheet.put("overdueInvoices", overdueRows);
        sheet.put("notYetDueInvoices", notYetDueRows);
        sheet.put("openInvoices", allRows);
        sheet.put("moreInvoices", open.size() > LISTED_INVOICES ? viewer.say(
                "et " + (open.size() - LISTED_INVOICES) + " autres factures ouvertes, dans le compte du client",
                "and " + (open.size() - LISTED_INVOICES) + " more open invoices, in the customer's account") : "");
        sheet.put("contacts", contacts);
        sheet.put("lastInteractions", lastInteractions);
        sheet.put("sentMessages", sent);
        sheet.put("promises", promiseRows);
        sheet.put("openDisputes", disputeRows);
        String nothing = viewer.say("rien", "nothing");
        sheet.put("overdueTotalDisplay", total(overdue, viewer, nothing));
        sheet.put("notYetDueTotalDisplay", total(notYetDue, viewer, nothing));
        sheet.put("totalOutstandingDisplay", total(open, viewer, nothing));
        // what the task's name and description carry, for a collector sorting her calls
        sheet.put("oldestDaysOverdue", overdue.stream()
                .mapToInt(i -> (int) ChronoUnit.DAYS.between(i.getDueDate(), today)).max().orElse(0));
        sheet.put("riskClass", score == null ? "" : score.getRiskClass().name());
        sheet.put("scoreSummary", score == null ? viewer.say("pas encore noté", "not scored yet")
                : score.getScore() + "/100, " + viewer.say("classe de risque ", "risk class ") + score.getRiskClass());
        Instant now = clock.instant();
        sheet.put("sheetAsOf", viewer.dateTime(now) + " (" + viewer.zone().getId() + ")");
        sheet.put("debtorLocalTime", now.atZone(debtorZone).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"))
                + " (" + debtorZone.getId() + ")");
        return sheet;
    }

    /**
     * The call task's name, in the team's language whoever reads it (Tasklist's list is shared): whose case, what is
     * overdue, since how long, the risk class, and what is not due yet, e.g.
     * "Appeler le client : Dupont SA (échu 1 234,56 €, 45 j de retard, risque D ; à échoir 300,00 €)".
     */
    static String callTitle(TeamLanguage language, String taskName, Object customerName, Object overdueTotal,
                            Object oldestDaysOverdue, Object riskClass, Object notYetDueTotal) {
        StringBuilder title = new StringBuilder(taskName).append(language.nameSeparator()).append(customerName)
                .append(language.say(" (échu ", " (overdue ")).append(overdueTotal);
        if (oldestDaysOverdue instanceof Number days && days.intValue() > 0) {
            title.append(", ").append(days).append(language.say(" j de retard", " days late"));
        }
        if (riskClass instanceof String risk && !risk.isEmpty()) {
            title.append(language.say(", risque ", ", risk ")).append(risk);
        }
        if (notYetDueTotal != null && !"rien".equals(notYetDueTotal) && !"nothing".equals(notYetDueTotal)) {
            title.append(language.say(" ; à échoir ", "; not yet due ")).append(notYetDueTotal);
        }
        return title.append(')').toString();
    }

    /** The call task's description: the same facts as sentences' fragments, and where the priority comes from. */
    static String callDescription(TeamLanguage language, Object customerName, Object overdueTotal, Object oldestDaysOverdue,
                                  Object riskClass, int priority) {
        String risk = riskClass instanceof String rated && !rated.isEmpty() ? rated : language.say("non noté", "not rated");
        return language.say("Client : " + customerName + " · échu : " + overdueTotal + " · plus ancien retard : "
                        + oldestDaysOverdue + " jours · classe de risque : " + risk + " · priorité " + priority + " (table CallPriority)",
                "Customer: " + customerName + " · overdue: " + overdueTotal + " · oldest delay: " + oldestDaysOverdue
                        + " days · risk class: " + risk + " · priority " + priority + " (CallPriority table)");
    }

    /** French readers see amounts as everywhere in Tasklist (Amounts); others in their own locale. */
    private static String guaranteeKind(Guarantee guarantee, Viewer viewer) {
        return switch (guarantee.kind()) {
            // solidaire or simple: a simple guarantor may require the debtor to be pursued first (art. 2305 C. civ.)
            case PERSONAL_GUARANTEE -> guarantee.jointAndSeveral() == null
                    ? viewer.say("Caution (solidarité non renseignée)", "Personal guarantee (solidarity not recorded)")
                    : guarantee.jointAndSeveral() ? viewer.say("Caution solidaire", "Joint and several personal guarantee")
                    : viewer.say("Caution simple", "Simple personal guarantee");
            case FIRST_DEMAND_GUARANTEE -> viewer.say("Garantie à première demande", "First-demand guarantee");
            case RETENTION_OF_TITLE -> viewer.say("Réserve de propriété", "Retention of title");
            case DEPOSIT -> viewer.say("Acompte", "Deposit");
        };
    }

    private String money(BigDecimal amount, String currency, Viewer viewer) {
        return viewer.french() ? amounts.display(amount, currency) : Texts.money(amount, currency, viewer.locale());
    }

    private String total(List<Invoice> of, Viewer viewer, String nothing) {
        String total = of.stream().collect(Collectors.groupingBy(Invoice::getCurrency, java.util.TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, Invoice::getOutstanding, BigDecimal::add)))
                .entrySet().stream().map(e -> money(e.getValue(), e.getKey(), viewer)).collect(Collectors.joining(" + "));
        return total.isEmpty() ? nothing : total;
    }

    private static String dueIn(LocalDate dueDate, LocalDate today, Viewer viewer) {
        return dueDate.equals(today) ? viewer.say("échéance aujourd'hui", "due today")
                : viewer.say("à échoir, échéance le ", "not due yet, due on ") + viewer.date(dueDate);
    }

    private static String status(InvoiceStatus status, Viewer viewer) {
        return switch (status) {
            case OPEN -> viewer.say("ouverte", "open");
            case PARTIALLY_PAID -> viewer.say("payée en partie", "partly paid");
            case DISPUTED -> viewer.say("contestée", "disputed");
            case ON_HOLD -> viewer.say("suspendue", "on hold");
            case IN_PLAN -> viewer.say("en échéancier", "in a payment plan");
            case WITH_INSURER -> viewer.say("chez l'assureur-crédit", "with the credit insurer");
            case WITH_AGENCY -> viewer.say("chez l'agence de recouvrement", "with the collection agency");
            case IN_COURT -> viewer.say("en procédure judiciaire", "in court");
            default -> status.name();
        };
    }

    private static String promiseStatus(String status, Viewer viewer) {
        return switch (status) {
            case "OPEN" -> viewer.say("en cours", "open");
            case "KEPT" -> viewer.say("tenue", "kept");
            case "BROKEN" -> viewer.say("non tenue", "broken");
            default -> status;
        };
    }

    static String disputeReason(String reason, Viewer viewer) {
        return switch (reason) {
            case "PRICE" -> viewer.say("prix", "price");
            case "QUANTITY" -> viewer.say("quantité", "quantity");
            case "QUALITY" -> viewer.say("qualité", "quality");
            case "DELIVERY" -> viewer.say("livraison", "delivery");
            case "ALREADY_PAID" -> viewer.say("déjà payée", "already paid");
            case "NOT_ORDERED" -> viewer.say("non commandée", "not ordered");
            default -> viewer.say("autre", "other");
        };
    }

    /**
     * Records what the collector heard as an interaction and keeps what it gave: a promise to pay (which
     * the debtor gets confirmed), new contact details, a payment reference. Returns the variables the
     * invoices will get; how long they wait is the call's {@link CallPolicy} terms.
     */
    @Transactional
    Map<String, Object> record(UUID callId, UUID customerId, Map<String, Object> form, CallPolicy.Terms policy) {
        String outcome = form.get("callOutcome") instanceof String text ? text : null;
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new InvalidInputException("callOutcome", "must be one of " + OUTCOMES.stream().sorted().toList());
        }
        List<String> invoiceNumbers = calls.invoicesOf(callId);
        Map<String, Object> result = new HashMap<>();
        result.put("callOutcome", outcome);
        String note = (String) form.get("callNote");
        String summary;
        switch (outcome) {
            case "PROMISE_TO_PAY" -> {
                LocalDate promisedDate = date(form, "promisedDate", problems);
                BigDecimal promisedAmount = amount(form, "promisedAmount", problems);
                if (promisedDate != null && promisedDate.isBefore(calendar.today())) {
                    problems.add(new FieldProblem("promisedDate", "is in the past"));
                }
                // a promise further away is a payment plan, not a promise
                if (promisedDate != null && promisedDate.isAfter(calendar.today().plusDays(policy.longestPromiseDays()))) {
                    problems.add(new FieldProblem("promisedDate", "is more than " + policy.longestPromiseDays()
                            + " days away: that is a payment plan, record it as one"));
                }
                Invoice first = invoices.get(invoiceNumbers.get(0));
                // a promise is about what the customer owes, in the currency of the call's invoices
                BigDecimal owed = invoices.openOf(customerId).stream().filter(i -> i.getCurrency().equals(first.getCurrency()))
                        .map(Invoice::getOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (promisedAmount != null && promisedAmount.compareTo(owed) > 0) {
                    problems.add(new FieldProblem("promisedAmount", "is more than the " + amounts.display(owed, first.getCurrency())
                            + " owed"));
                }
                throwIfAny(problems);
                UUID promiseId = promises.record(customerId, callId, invoiceNumbers, promisedDate, promisedAmount, first.getCurrency());
                result.put("promiseId", promiseId.toString());
                result.put("promisedAmount", promisedAmount.toPlainString());
                result.put("promisedDate", promisedDate.toString());
                result.put("resumeDunningAt", calendar.dayAfter(promisedDate, policy.promiseGraceDays()));
                Locale locale = Texts.localeOf(first.getCustomer());
                messages.enqueue("call-" + callId, "promise-confirmation", Channel.EMAIL, MessageKind.PROMISE_CONFIRMATION,
                        Tone.COURTEOUS, customerId, first.getId(), clock.instant(), Map.of(
                                "promisedAmount", Texts.money(promisedAmount, first.getCurrency(), locale),
                                "promisedDate", Texts.date(promisedDate, locale)));
                summary = "Call: promise to pay " + promisedAmount + " " + first.getCurrency() + " by " + promisedDate;
            }
            case "WRONG_CONTACT" -> {
                Contact contact = customers.addContactFromCall(customerId, (String) form.get("newContactName"),
                        (String) form.get("newContactEmail"), (String) form.get("newContactPhone"));
                summary = "Call: wrong contact, new contact " + contact.getName();
            }
            case "ALREADY_PAID" -> {
                String reference = (String) form.get("paymentReference");
                if (reference == null || reference.isBlank()) {
                    throw new InvalidInputException("paymentReference", "is required: the bank reference the debtor gave");
                }
                result.put("resumeDunningAt", calendar.dayAfter(calendar.today(), policy.paymentCheckDays()));
                summary = "Call: says already paid, reference " + reference.strip();
            }
            case "DISPUTE" -> {
                String reason = (String) form.get("disputeReason");
                if (reason == null || !Disputes.REASONS.contains(reason)) {
                    throw new InvalidInputException("disputeReason", "must be one of " + Disputes.REASONS.stream().sorted().toList());
                }
                result.put("disputeReason", reason);
                summary = "Call: disputes the invoice(s) (" + reason.toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            }
            case "PAYMENT_PLAN_REQUESTED" -> {
                PaymentPlans.Terms terms = planTerms(form, problems);
                BigDecimal owed = invoices.byNumbers(invoiceNumbers).stream().map(Invoice::getOutstanding)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (problems.isEmpty()) {
                    plans.schedule(owed, terms, problems);
                }
                throwIfAny(problems);
                summary = "Call: asks for a payment plan of " + terms.instalments() + " " + terms.frequency().toLowerCase(Locale.ROOT)
                        + " instalments from " + terms.firstDueDate();
            }
            default -> summary = "Call: no answer";
        }
        interactions.record(customerId, null, Medium.PHONE, Direction.OUTBOUND,
                "PROMISE_TO_PAY".equals(outcome) ? Type.PROMISE_TO_PAY : Type.CALL,
                summary + " (" + String.join(", ", invoiceNumbers) + ")", note);
        attempts.record(callId, customerId, outcome,
                result.get("promiseId") instanceof String promiseId ? UUID.fromString(promiseId) : null);
        if (CallAttempts.REACHED.contains(outcome)) {
            invoiceNumbers.forEach(number -> stages.reached(invoices.get(number).getId(), RecoveryStages.CALL));
        }
        return result;
    }

    /**
     * The call is over: each invoice it was about carries on with the outcome, or is disputed. An invoice
     * settled, disputed or put on hold since the call was asked for is left as it is.
     */
    @Transactional
    void close(UUID callId, UUID customerId, Map<String, Object> outcome, String disputeNote) {
        String callOutcome = (String) outcome.get("callOutcome");
        List<String> numbers = calls.close(callId, customerId, callOutcome);
        if ("DISPUTE".equals(callOutcome)) {
            for (Invoice invoice : invoices.byNumbers(numbers)) {
                if (invoice.getStatus() == InvoiceStatus.OPEN || invoice.getStatus() == InvoiceStatus.PARTIALLY_PAID) {
                    disputes.raise(invoice.getNumber(), (String) outcome.get("disputeReason"), disputeNote, "CALL");
                }
            }
            return;
        }
        // the invoices first: they wait for the plan's end, which may come at once (a plan the policy refuses)
        calls.tellInvoices(numbers, outcome);
        if ("PAYMENT_PLAN_REQUESTED".equals(callOutcome)) {
            plans.start(customerId, numbers, planTerms(outcome, new ArrayList<>()));
        }
    }

    /** The plan terms the collector entered on the call form. */
    static PaymentPlans.Terms planTerms(Map<String, Object> form, List<FieldProblem> problems) {
        Object count = form.get("planInstalments");
        LocalDate first = FormValues.date(form.get("planFirstDate"));
        if (!(count instanceof Number)) {
            problems.add(new FieldProblem("planInstalments", "is required: how many instalments"));
        }
        if (first == null) {
            problems.add(new FieldProblem("planFirstDate", "is required, as a date (yyyy-mm-dd)"));
        }
        Object down = form.get("planDownPayment");
        boolean given = down != null && !down.toString().isBlank();
        BigDecimal downPayment = given ? FormValues.amount(down) : null;
        if (given && downPayment == null) {
            problems.add(new FieldProblem("planDownPayment", "is not an amount"));
        }
        return new PaymentPlans.Terms(count instanceof Number n ? n.intValue() : 0, first,
                form.get("planFrequency") instanceof String f ? f : "MONTHLY", downPayment);
    }

    private static LocalDate date(Map<String, Object> form, String field, List<FieldProblem> problems) {
        LocalDate date = FormValues.date(form.get(field));
        if (date == null) {
            problems.add(new FieldProblem(field, "is required, as a date (yyyy-mm-dd)"));
        }
        return date;
    }

    private static BigDecimal amount(Map<String, Object> form, String field, List<FieldProblem> problems) {
        BigDecimal amount = FormValues.amount(form.get(field));
        if (amount == null || amount.signum() <= 0) {
            problems.add(new FieldProblem(field, "must be a positive amount"));
            return null;
        }
        return amount;
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
