package io.recouvra.insolvency;

/** Who told Recouvra that proceedings were opened. */
public enum ReportedBy {
    /** The credit bureau's report says the company is in proceedings (scoring). */
    CREDIT_BUREAU,
    /** A collection agency said so (its DEBTOR_INSOLVENT update), and a legal officer checked it. */
    AGENCY,
    /** The credit insurer said so (insurance). */
    CREDIT_INSURER,
    /** A person: a legal officer or credit manager, through the API or Tasklist. */
    PERSON
}
