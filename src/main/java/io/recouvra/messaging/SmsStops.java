package io.recouvra.messaging;

import io.recouvra.messaging.contact.OptOuts;
import org.springframework.stereotype.Component;

/**
 * A phone number's "STOP" for SMS, for other modules: the same opt-out list an SMS reply STOP writes to, which every
 * send checks ({@code contact.OptOuts}). The debtor's portal stops SMS here, and a consent given again there lifts it.
 */
@Component
public class SmsStops {

    private final OptOuts optOuts;

    SmsStops(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    public boolean stopped(String phone) {
        return phone != null && optOuts.isOptedOut(Channel.SMS, phone);
    }

    /** @return whether this stopped the number (false: it already was) */
    public boolean stop(String phone, String source) {
        return optOuts.optOut(Channel.SMS, phone, source);
    }

    /** @return whether the number was stopped before */
    public boolean resume(String phone) {
        return optOuts.optIn(Channel.SMS, phone);
    }
}
