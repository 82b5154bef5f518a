package io.recouvra.agency;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The collection agencies Recouvra may hand cases to, and the sandbox that plays them in the embedded run.
 *
 * @param agencies the agencies; AgencySelection (processes/agency-selection.dmn) names one of them by id
 * @param sandbox  how the sandbox agencies work their cases
 */
@ConfigurationProperties("recouvra.agency")
record AgencySettings(List<Agency> agencies, Sandbox sandbox) {

    enum Transport { SANDBOX, HTTP, FILE }

    /**
     * @param id                          what AgencySelection returns and the webhook path names
     * @param transport                   HTTP: the agency's case API; FILE: a CSV + PDF folder per case
     *                                    for agencies without an API; SANDBOX: simulated, for the embedded run
     * @param baseUrl                     HTTP: the agency's API
     * @param apiKey                      HTTP: sent as X-Api-Key
     * @param dropFolder                  FILE: where case folders are written for the agency to collect
     * @param webhookSecret               the key of the HMAC the agency signs its status updates with
     * @param commissionRate              percent of what the agency collects
     * @param directPaymentCommissionRate percent of what the debtor pays the creditor directly during the
     *                                    mandate (many agencies' terms claim one; 0 when not)
     * @param mandate                     how long the agency keeps the case without a result
     * @param timeout                     HTTP: connect and read timeout
     */
    record Agency(String id, String name, Transport transport, String baseUrl, String apiKey, String dropFolder,
                  String webhookSecret, BigDecimal commissionRate, BigDecimal directPaymentCommissionRate,
                  Period mandate, Duration timeout) {
    }

    /**
     * @param scheduled whether the sandbox agencies work their cases on their own (off in tests, which
     *                  call {@link SandboxAgencyWork#workOpenCases()} themselves)
     * @param interval  how often they look at their cases
     */
    record Sandbox(boolean scheduled, Duration interval) {
    }
}
