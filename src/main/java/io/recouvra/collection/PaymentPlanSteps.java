package io.recouvra.collection;

import io.recouvra.collection.PaymentPlans.Instalment;
import io.recouvra.collection.PaymentPlans.PlanRow;
import io.recouvra.insurance.InsuranceClaims;
import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.PortalLinks;
import io.recouvra.messaging.Tone;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.scoring.CreditScore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of payment-plan.bpmn: each reads the plan, does one step, and says what the model needs. */
@Configuration
class PaymentPlanSteps {

    /** Days before an instalment's due date it was reminded, and after it checked, before PaymentPlanPolicy said. */
    private static final int REMINDER_DAYS_BEFORE_THE_TABLE_SAID = 3;
    private static final int CHECK_DAYS_BEFORE_THE_TABLE_SAID = 3;
    /** What payment-plan.bpmn waited before PaymentPlanPolicy had acceptanceDays; plans decided before keep it. */
    private static final int ACCEPTANCE_DAYS_BEFORE_THE_TABLE_SAID = 7;

    @Bean
    JavaDelegate assessPaymentPlan(PaymentPlans plans, Dunning dunning, InsuredInvoices insured) {
        return execution -> {
            UUID planId = planId(execution);
            PlanRow plan = plans.plan(planId);
            List<Instalment> instalments = plans.instalments(planId);
            CreditScore score = dunning.freshScore(plan.customerId());
            BigDecimal smallest = instalments.stream().map(Instalment::amount).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            // the approval form shows them as the staff read amounts
            execution.setVariable("planTotalDisplay", AmountDisplay.of(plan.total(), plan.currency()));
            execution.setVariable("smallestInstalmentDisplay", AmountDisplay.of(smallest, plan.currency()));
            execution.setVariables(Map.of(
                    "planTotal", plan.total().doubleValue(),
                    "planMonths", (int) PaymentPlans.months(instalments),
                    "smallestInstalment", smallest.doubleValue(),
                    "riskClass", score.getRiskClass().name(),
                    "insured", plans.invoicesOf(planId).stream().anyMatch(insured::isInsured)));
        };
    }

    @Bean
    JavaDelegate offerPaymentPlan(PaymentPlans plans, PlanCharges charges, Messages messages, InvoiceService invoices,
                                  CustomerService customers, PortalLinks links, CollectionCalendar calendar, Clock clock) {
        return execution -> {
            UUID planId = planId(execution);
            BigDecimal lateCharges;
            try {
                lateCharges = PlanCharges.CHARGED.equals(policyOutput(execution, "lateInterest"))
                        ? charges.add(planId) : BigDecimal.ZERO;
            } catch (MissingLatePaymentRate missing) {
                // the model waits for the rate (boundary error, signal LatePaymentRateRecorded): no incident
                throw missing.asBpmnError();
            }
            PlanRow plan = plans.plan(planId);
            List<Instalment> instalments = plans.instalments(planId);
            Customer customer = customers.get(plan.customerId());
            Locale locale = Texts.localeOf(customer);
            boolean french = "fr".equals(customer.getLanguage());
            String frequency = switch (plan.frequency()) {
                case "WEEKLY" -> french ? "hebdomadaire" : "weekly";
                case "MONTHLY" -> french ? "mensuelle" : "monthly";
                default -> french ? "selon l'échéancier" : "as scheduled";
            };
            BigDecimal regular = instalments.get(instalments.size() - 1).amount().subtract(lateCharges);
            int acceptanceDays = policyDays(execution, "acceptanceDays", ACCEPTANCE_DAYS_BEFORE_THE_TABLE_SAID);
            Map<String, String> parameters = new HashMap<>(Map.of(
                    "instalmentCount", String.valueOf(instalments.size()),
                    "instalmentAmount", Texts.money(regular, plan.currency(), locale),
                    "firstInstalmentDate", Texts.date(instalments.get(0).dueDate(), locale),
                    "frequency", frequency,
                    // the process waits the policy's acceptance days from now: the last whole day is the day before
                    "acceptBy", Texts.date(calendar.today().plusDays(acceptanceDays - 1L), locale),
                    "planReference", planId.toString()));
            links.paymentPlan(plan.customerId(), planId).ifPresent(link -> parameters.put("acceptLink", link));
            if (lateCharges.signum() > 0) {
                parameters.put("lateCharges", Texts.money(lateCharges, plan.currency(), locale));
                parameters.put("planTotal", Texts.money(plan.total(), plan.currency(), locale));
            }
            messages.enqueue("plan-" + planId, "agreement", Channel.EMAIL, MessageKind.PAYMENT_PLAN_AGREEMENT, Tone.COURTEOUS,
                    plan.customerId(), invoices.get(plans.invoicesOf(planId).get(0)).getId(), clock.instant(), parameters);
            plans.status(planId, "OFFERED");
        };
    }

    @Bean
    JavaDelegate startPaymentPlan(PaymentPlans plans, PlanCharges charges, InsuranceClaims insurance) {
        return execution -> {
            UUID planId = planId(execution);
            plans.status(planId, "ACTIVE");
            charges.book(planId);
            // insured invoices paid later than due keep their cover only if the insurer extends them
            List<Instalment> instalments = plans.instalments(planId);
            LocalDate lastDue = instalments.get(instalments.size() - 1).dueDate();
            plans.invoicesOf(planId).forEach(number -> insurance.requestExtension(number, lastDue));
            execution.setVariable("instalmentIndex", 0);
            execution.setVariable("instalmentMisses", 0);
        };
    }

    @Bean
    JavaDelegate nextInstalment(PaymentPlans plans, CollectionCalendar calendar) {
        return execution -> {
            int index = ((Number) execution.getVariable("instalmentIndex")).intValue() + 1;
            Instalment instalment = plans.instalments(planId(execution)).get(index - 1);
            LocalDate reminder = instalment.dueDate().minusDays(
                    policyDays(execution, "instalmentReminderDays", REMINDER_DAYS_BEFORE_THE_TABLE_SAID));
            execution.setVariable("instalmentIndex", index);
            execution.setVariable("instalmentDueDate", instalment.dueDate().toString());
            execution.setVariable("instalmentAmount", instalment.amount().toPlainString());
            execution.setVariable("instalmentReminderAt", reminder.isAfter(calendar.today()) ? calendar.startOf(reminder) : new Date(0));
            execution.setVariable("instalmentCheckAt", calendar.dayAfter(instalment.dueDate(),
                    policyDays(execution, "instalmentCheckDays", CHECK_DAYS_BEFORE_THE_TABLE_SAID)));
        };
    }

    @Bean
    JavaDelegate remindInstalment(PaymentPlans plans, Messages messages, InvoiceService invoices, CustomerService customers,
                                  Clock clock) {
        return execution -> remind(execution, plans, messages, invoices, customers, clock, "instalment-", Tone.COURTEOUS);
    }

    @Bean
    JavaDelegate remindMissedInstalment(PaymentPlans plans, Messages messages, InvoiceService invoices, CustomerService customers,
                                        Clock clock) {
        return execution -> remind(execution, plans, messages, invoices, customers, clock, "missed-instalment-", Tone.FIRM);
    }

    /** Kept when what was paid to the plan's invoices since it started covers every instalment due so far. */
    @Bean
    JavaDelegate checkInstalment(PaymentPlans plans) {
        return execution -> {
            UUID planId = planId(execution);
            int index = ((Number) execution.getVariable("instalmentIndex")).intValue();
            BigDecimal due = plans.instalments(planId).stream().filter(i -> i.seq() <= index).map(Instalment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean kept = plans.paidSince(planId, plans.plan(planId).createdOn()).compareTo(due) >= 0;
            execution.setVariable("instalmentKept", kept);
            if (!kept) {
                execution.setVariable("instalmentMisses", ((Number) execution.getVariable("instalmentMisses")).intValue() + 1);
            }
        };
    }

    /**
     * Ends the plan as the model's {@code planResolution} says, and tells its invoices; a broken plan whose
     * policy says so sends them straight to escalation (BROKEN_ESCALATE).
     */
    @Bean
    JavaDelegate closePaymentPlan(PaymentPlans plans, PlanCharges charges) {
        return execution -> {
            String resolution = (String) execution.getVariable("planResolution");
            UUID planId = planId(execution);
            plans.status(planId, resolution);
            boolean escalate = "BROKEN".equals(resolution) && Boolean.TRUE.equals(policyOutput(execution, "escalateWhenBroken"));
            plans.tellInvoices(planId, escalate ? "BROKEN_ESCALATE" : resolution);
            if ("BROKEN".equals(resolution)) {
                charges.collectAfterBreak(planId);
            }
        };
    }

    private static void remind(DelegateExecution execution, PaymentPlans plans, Messages messages, InvoiceService invoices,
                               CustomerService customers, Clock clock, String step, Tone tone) {
        UUID planId = planId(execution);
        PlanRow plan = plans.plan(planId);
        Locale locale = Texts.localeOf(customers.get(plan.customerId()));
        int index = ((Number) execution.getVariable("instalmentIndex")).intValue();
        Instalment instalment = plans.instalments(planId).get(index - 1);
        for (String number : plans.invoicesOf(planId)) {
            // one row per invoice, which the outbox sends as one grouped message
            messages.enqueue(number, "plan-" + planId.toString().substring(0, 8) + "-" + step + index, Channel.EMAIL,
                    MessageKind.INSTALMENT_REMINDER, tone,
                    plan.customerId(), invoices.get(number).getId(), clock.instant(), Map.of(
                            "instalmentNumber", String.valueOf(index),
                            "instalmentAmount", Texts.money(instalment.amount(), plan.currency(), locale),
                            "instalmentDueDate", Texts.date(instalment.dueDate(), locale)));
        }
    }

    /** A number of days PaymentPlanPolicy gives; a plan whose policy was decided before the table had it keeps the old one. */
    private static int policyDays(DelegateExecution execution, String output, int beforeTheTableSaid) {
        Object days = policyOutput(execution, output);
        return days == null ? beforeTheTableSaid : Integer.parseInt(days.toString());
    }

    /** An output of PaymentPlanPolicy (the model keeps its result as {@code planPolicy}). */
    private static Object policyOutput(DelegateExecution execution, String output) {
        return execution.getVariable("planPolicy") instanceof Map<?, ?> policy ? policy.get(output) : null;
    }

    private static UUID planId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("planId"));
    }
}
