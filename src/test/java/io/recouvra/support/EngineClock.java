package io.recouvra.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock as process tests move it: days in the business time zone, mid-morning. */
public final class EngineClock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private EngineClock() {
    }

    /** Sets the engine's clock to 10:00 in Paris on that day, when the working day's timers have fired. */
    public static void moveTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(PARIS).toInstant()));
    }

    /** Midnight in Paris at the start of that day, as timers due "on" a day are set. */
    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(PARIS).toInstant());
    }
}
