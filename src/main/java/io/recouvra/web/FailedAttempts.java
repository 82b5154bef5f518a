package io.recouvra.portal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate-limits guessing: each client address may present a bad token a few times a minute (a token bucket per
 * address), then is refused until its bucket refills. The addresses kept are bounded, the oldest forgotten first,
 * so that a flood of addresses cannot fill the memory.
 */
class FailedAttempts {

    private static final int ADDRESSES_KEPT = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > ADDRESSES_KEPT;
        }
    };

    FailedAttempts(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Whether this address has used up its failed attempts for now. */
    synchronized boolean exhausted(String address) {
        Bucket bucket = buckets.get(address);
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    synchronized void record(String address) {
        buckets.computeIfAbsent(address, any -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }
}
