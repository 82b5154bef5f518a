package io.recouvra.guarantee;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A guarantee to register, as the API and the CSV import receive it. Checked by {@link Guarantees#register}, which
 * names every field at fault.
 *
 * @param invoiceNumber       the one invoice it secures (required for a retention-of-title clause); empty: the whole account
 * @param providerName        the guarantor (personal guarantee) or the bank (first-demand guarantee)
 * @param providerAddress     where the call letter goes, one line per line of the address
 * @param naturalPerson       the guarantor is a natural person (the formalities of art. 2297 and 2300 C. civ. apply)
 * @param amount              the cap (guarantees), the goods' invoice (retention of title) or the money held (deposit)
 * @param endsOn              end of the commitment; a first-demand guarantee's expiry (required for one)
 * @param callConditions      what the guarantee says a call must be (first-demand guarantee: required)
 * @param documentsRequired   the documents the call must enclose
 * @param handwrittenMention  checked: the natural-person guarantor wrote the mention of art. 2297 C. civ.
 * @param reducedTo           found disproportionate: what art. 2300 C. civ. reduces it to
 * @param annualInformationOn the last day the annual information of art. 2302 C. civ. was sent to the guarantor
 * @param jointAndSeveral     a personal guarantee: the guarantor is bound jointly and severally (solidaire) with the
 *                            debtor, rather than simply (art. 2290 C. civ.); required for one, refused for the other kinds
 * @param principalOnly       a personal guarantee: its deed limits it to the principal, excluding interest, penalties and
 *                            other accessories (art. 2295 C. civ.); false when left out (the law's default)
 */
public record NewGuarantee(GuaranteeKind kind, String invoiceNumber, String providerName, String providerAddress,
                           Boolean naturalPerson, BigDecimal amount, String currency, LocalDate startsOn, LocalDate endsOn,
                           String reference, String callConditions, String documentsRequired, Boolean handwrittenMention,
                           BigDecimal reducedTo, LocalDate annualInformationOn, Boolean jointAndSeveral, Boolean principalOnly) {
}
