package io.recouvra.messaging;

public enum Channel {
    EMAIL, SMS, LETTER
}
