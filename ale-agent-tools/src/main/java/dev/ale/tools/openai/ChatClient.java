package dev.ale.tools.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Posts chat completion requests to an OpenAI-compatible endpoint, retrying rate limits (429),
 * server errors (5xx) and broken connections a bounded number of times with exponential backoff
 * (or the server's {@code Retry-After}), never past the session's deadline. Whatever the server
 * sends back has the API key taken out before anything reads it.
 */
record ChatClient(HttpClient http, URI endpoint, ApiKey key, Retries retries) {
    private static final System.Logger LOG = System.getLogger("dev.ale.tools.openai");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The largest response body read (a hostile or broken server must not fill the heap). */
    static final int MAX_RESPONSE_BYTES = 16 << 20;
    /** Characters of an error body quoted in a message. */
    private static final int EXCERPT = 300;

    /** The retry policy: how many retries, the first backoff, the longest backoff, one request's time. */
    record Retries(int max, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {}

    /** The parsed response to {@code body}; throws when it cannot be had before {@code deadline} within the retries. */
    JsonNode complete(ObjectNode body, Instant deadline) throws IOException, InterruptedException {
        byte[] payload = MAPPER.writeValueAsBytes(body);
        for (int attempt = 0; ; attempt++) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new IOException("the session's deadline passed before " + endpoint + " answered");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(min(retries.requestTimeout(), left))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
            if (key.present()) {
                request.header("Authorization", key.bearer());
            }
            String problem;
            Duration serverWait = null;
            try {
                HttpResponse<InputStream> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                String text = read(response);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(text);
                }
                problem = "HTTP " + status + excerpt(text);
                if (status != 429 && status < 500) {
                    throw new NotRetried(problem + " from " + endpoint + " (not retried)");
                }
                serverWait = retryAfter(response).orElse(null);
            } catch (HttpTimeoutException e) {
                problem = "no answer within "
                        + min(retries.requestTimeout(), left).toSeconds() + " s";
            } catch (NotRetried e) {
                throw e;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + key.redact(e.getMessage()));
            }
            if (attempt >= retries.max()) {
                throw new IOException(
                        "gave up on " + endpoint + " after " + (attempt + 1) + " requests; the last: " + problem);
            }
            Duration backoff = serverWait != null ? min(serverWait, retries.maxBackoff()) : backoff(attempt);
            if (Instant.now().plus(backoff).isAfter(deadline)) {
                throw new IOException(problem + " from " + endpoint + "; no time is left before the deadline to retry");
            }
            LOG.log(
                    Level.INFO,
                    "openai: {0} from {1}; retry {2} of {3} in {4} ms",
                    problem,
                    endpoint,
                    attempt + 1,
                    retries.max(),
                    backoff.toMillis());
            Thread.sleep(backoff.toMillis());
        }
    }

    private Duration backoff(int attempt) {
        Duration d = retries.initialBackoff().multipliedBy(1L << Math.min(attempt, 20));
        return min(d, retries.maxBackoff());
    }

    private String read(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new NotRetried(
                        "the response from " + endpoint + " is over " + (MAX_RESPONSE_BYTES >> 20) + " MiB");
            }
            return key.redact(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private JsonNode parse(String text) throws IOException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IOException("the response from " + endpoint + " is not a JSON object" + excerpt(text));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IOException(
                    "the response from " + endpoint + " is not JSON: " + e.getOriginalMessage() + excerpt(text));
        }
    }

    private static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return "";
        }
        return ": " + (t.length() > EXCERPT ? t.substring(0, EXCERPT) + "..." : t);
    }

    /** The server's {@code Retry-After} in seconds, when it gave one. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v.strip()) * 1000)))
                        .filter(d -> !d.isNegative());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A failure that another request would not mend (a 4xx other than 429, an oversized body). */
    private static final class NotRetried extends IOException {
        private static final long serialVersionUID = 1L;

        NotRetried(String message) {
            super(message);
        }
    }
}
