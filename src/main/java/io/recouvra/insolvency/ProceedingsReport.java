package io.recouvra.insolvency;

import java.time.LocalDate;

/**
 * What is reported about proceedings. Kind, judgment date and who reports are always needed; a person also gives the
 * court and the representative, which a report by the credit bureau or the insurer may lack.
 *
 * @param outsideMetropolitanFrance the creditor is established outside metropolitan France: its deadline to declare
 *                                  is longer (art. R622-24 C. com.)
 */
public record ProceedingsReport(ProceedingsKind kind, LocalDate judgmentDate, String court, String representativeName,
                                String representativeAddress, String representativeEmail, LocalDate bodaccPublishedOn,
                                ReportedBy reportedBy, boolean outsideMetropolitanFrance) {
}
