package io.recouvra.collection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A setting, not a PaymentPlanPolicy output: the schedule is checked when the collector submits the call
 * form or the API is called, before the plan exists, while the policy decides on the plan's total, months
 * and smallest instalment, which that schedule gives.
 *
 * @param maxInstalments the most instalments a plan agreed on a call or asked for through the API may have
 */
@ConfigurationProperties("recouvra.payment-plans")
record PaymentPlanSettings(int maxInstalments) {

    PaymentPlanSettings {
        if (maxInstalments < 1) {
            throw new IllegalArgumentException("recouvra.payment-plans.max-instalments must be 1 or more: " + maxInstalments);
        }
    }
}
