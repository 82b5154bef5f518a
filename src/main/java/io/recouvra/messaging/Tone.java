package io.recouvra.messaging;

/** How a message speaks: the dunning strategy chooses it, the templates phrase each one. */
public enum Tone {
    COURTEOUS, FIRM, FORMAL
}
