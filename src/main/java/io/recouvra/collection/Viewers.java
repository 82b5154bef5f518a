package io.recouvra.collection;

import java.time.ZoneId;
import java.time.DateTimeException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The language and time zone of a Tasklist user. The engine's users carry no such attributes, so they
 * are kept as the user's info entries (Camunda's key/value store per user, {@code ACT_ID_INFO}):
 * {@code locale} (a language tag, "en-GB") and {@code timezone} ("America/Martinique"), set by an admin
 * with {@code IdentityService.setUserInfo} or the engine REST API. Without them, the defaults
 * {@code recouvra.tasklist.locale} and {@code recouvra.tasklist.zone}.
 */
@Component
class Viewers {

    static final String LOCALE_INFO = "locale";
    static final String ZONE_INFO = "timezone";

    private final IdentityService identity;
    private final Viewer defaults;

    Viewers(IdentityService identity, @Value("${recouvra.tasklist.locale}") String locale,
            @Value("${recouvra.tasklist.zone}") ZoneId zone) {
        this.identity = identity;
        this.defaults = new Viewer(Locale.forLanguageTag(locale), zone);
    }

    Viewer defaults() {
        return defaults;
    }

    /** The user's own settings, each falling back on the default; the default for nobody (null). */
    Viewer of(String userId) {
        if (userId == null) {
            return defaults;
        }
        return new Viewer(locale(identity.getUserInfo(userId, LOCALE_INFO)), zone(identity.getUserInfo(userId, ZONE_INFO)));
    }

    private Locale locale(String tag) {
        if (tag == null || tag.isBlank()) {
            return defaults.locale();
        }
        try {
            return new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            return defaults.locale();
        }
    }

    private ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return defaults.zone();
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return defaults.zone();
        }
    }
}
