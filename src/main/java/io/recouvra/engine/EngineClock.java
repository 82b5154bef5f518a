package io.recouvra.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of Recouvra. It reads the engine's clock, so that when a test or the demo mode moves
 * the engine's time (timers fall due), the ledger, the messages and the rules move with it.
 */
final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
