package io.recouvra.scoring;

/** A (lowest risk) to E (highest), from the score and the configured lower bounds. */
public enum RiskClass {
    A, B, C, D, E
}
