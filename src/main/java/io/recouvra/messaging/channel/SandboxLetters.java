package io.recouvra.messaging.channel;

import io.recouvra.messaging.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The zero-setup run's postal service: the PDF lands in a folder (open it to see the letter), and the
 * acknowledgement of receipt comes back after a delay, as a real registered letter's would.
 */
class SandboxLetters implements ChannelAdapter {

    private final Path folder;
    private final Duration acknowledgeAfter;
    private final LetterAcknowledgements acknowledgements;
    private final Clock clock;
    private final Map<String, Instant> awaitingAcknowledgement = new ConcurrentHashMap<>();

    SandboxLetters(Path folder, Duration acknowledgeAfter, LetterAcknowledgements acknowledgements, Clock clock) {
        this.folder = folder;
        this.acknowledgeAfter = acknowledgeAfter;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        String id = "sandbox-letter-" + UUID.randomUUID();
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(id + ".pdf"), message.letter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitingAcknowledgement.put(id, clock.instant().plus(acknowledgeAfter));
        return new SendOutcome.Sent(id);
    }

    @Override
    public SendOutcome reconcile(OutboundMessage message) {
        return new SendOutcome.TemporaryFailure("the sandbox never received letter " + message.id());
    }

    Path folder() {
        return folder;
    }

    /** Signs the acknowledgements whose delay has passed; returns how many. */
    int acknowledgeDue() {
        Instant now = clock.instant();
        int acknowledged = 0;
        for (var entry : awaitingAcknowledgement.entrySet()) {
            if (!entry.getValue().isAfter(now) && awaitingAcknowledgement.remove(entry.getKey()) != null) {
                acknowledgements.letterAcknowledged(entry.getKey());
                acknowledged++;
            }
        }
        return acknowledged;
    }
}
