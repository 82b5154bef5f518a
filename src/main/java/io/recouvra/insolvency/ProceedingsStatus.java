package io.recouvra.insolvency;

/** Open from the opening judgment until the proceedings are closed (plan carried out, liquidation closed). */
public enum ProceedingsStatus {
    OPEN, CLOSED
}
