package io.recouvra.scoring;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A bureau's company report over HTTP: {@code GET {base}/v1/companies/{registrationNumber}} with the
 * API key. A lookup is a read, so it is safe to repeat: a rate limit, a 5xx or a timeout is tried again
 * after a pause, up to the configured attempts; a 404 or a reply we cannot read is not.
 */
class HttpCreditBureau implements CreditBureau {

    private static final Logger log = LoggerFactory.getLogger(HttpCreditBureau.class);

    private final RestClient bureau;
    private final int attempts;
    private final Duration pause;

    HttpCreditBureau(RestClient bureau, int attempts, Duration pause) {
        this.bureau = bureau;
        this.attempts = attempts;
        this.pause = pause;
    }

    @Override
    public BureauAnswer lookUp(String registrationNumber) {
        String lastProblem = "not asked";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                BureauReport report = bureau.get().uri("/v1/companies/{number}", registrationNumber)
                        .retrieve().body(BureauReport.class);
                if (report == null) {
                    return new BureauAnswer.Unavailable("empty reply from the bureau");
                }
                return new BureauAnswer.Found(report);
            } catch (HttpClientErrorException e) {
                if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                    return new BureauAnswer.UnknownCompany(registrationNumber);
                }
                if (e.getStatusCode() != HttpStatus.TOO_MANY_REQUESTS) {
                    return new BureauAnswer.Unavailable("bureau refused the request: " + e.getStatusCode().value());
                }
                lastProblem = "rate limited by the bureau (429)";
            } catch (HttpServerErrorException e) {
                lastProblem = "bureau error " + e.getStatusCode().value();
            } catch (ResourceAccessException e) {
                lastProblem = "no answer from the bureau: " + e.getMessage();
            } catch (RestClientException e) {
                // the body did not parse: trying again would bill the same unreadable answer
                return new BureauAnswer.Unavailable("malformed reply from the bureau: " + e.getMessage());
            }
            log.info("Bureau lookup of {} failed (attempt {} of {}): {}", registrationNumber, attempt, attempts, lastProblem);
            if (attempt < attempts) {
                sleep(pause.multipliedBy(attempt));
            }
        }
        return new BureauAnswer.Unavailable(lastProblem);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
