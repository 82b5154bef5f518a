package io.recouvra.messaging.composition;

/**
 * A message was asked for in a form no template provides (a letter for a kind that has no letter). It is
 * the configuration's fault, not the debtor's: the undeliverable task says so, and the deployment check
 * (io.recouvra.collection.DecisionTableMessagesCheck) is there so that it never reaches a debtor.
 */
public class MissingTemplateException extends IllegalStateException {

    MissingTemplateException(String message) {
        super(message);
    }
}
