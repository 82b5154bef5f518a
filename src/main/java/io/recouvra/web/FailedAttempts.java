package io.recouvra.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate-limits guessing: each client address may fail a few times per window (a token bucket per address, refilled
 * evenly over the window), then is refused until its bucket refills. The addresses kept are bounded, the oldest
 * forgotten first, so that a flood of addresses cannot fill the memory. Used for the portal's bad tokens and for
 * staff logins.
 */
public class FailedAttempts {

    private static final int ADDRESSES_KEPT = 10_000;

    private final int attempts;
    private final Duration window;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > ADDRESSES_KEPT;
        }
    };

    /** {@code attempts} failures per {@code window} and per address. */
    public FailedAttempts(int attempts, Duration window) {
        this.attempts = attempts;
        this.window = window;
    }

    /** Whether this address has used up its failed attempts for now. */
    public synchronized boolean exhausted(String address) {
        Bucket bucket = buckets.get(address);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    /** How long until this address may try again (zero when it may now): a Retry-After. */
    public synchronized Duration waitBeforeNextAttempt(String address) {
        Bucket bucket = buckets.get(address);
        return bucket == null ? Duration.ZERO : Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    public synchronized void record(String address) {
        buckets.computeIfAbsent(address, any -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, window).build())
                .build()).tryConsume(1);
    }
}
