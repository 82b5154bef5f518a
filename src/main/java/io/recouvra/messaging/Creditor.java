package io.recouvra.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who is collecting: shown in every message, as French law asks of a demand for payment. */
@ConfigurationProperties("recouvra.creditor")
public record Creditor(String name, String address, String iban, String bic, String email, String phone) {
}
