package org.tutorgraph.records.lrs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Pushes statements to a Learning Record Store (xAPI 1.0.3 Statement Resource) in batches:
 * {@code POST {endpoint}/statements} with a JSON array, {@code X-Experience-API-Version: 1.0.3}, basic auth.
 *
 * <p><b>Idempotent by statement id.</b> Every statement carries its stable id, so pushing the same export twice, or
 * retrying a batch the LRS stored before the answer was lost, stores nothing twice. An LRS answers a batch holding an
 * id it already has with 409 Conflict (or 200/204, ignoring the known ones); on 409 the batch is sent again one
 * statement at a time with {@code PUT {endpoint}/statements?statementId=ID}, where 204 means stored and 409 means the
 * LRS already had it.
 *
 * <p><b>Retries</b> with exponential backoff (and jitter; {@code Retry-After} is honoured up to the maximum backoff)
 * on 5xx, 429, timeouts and broken connections, up to {@code maxAttempts} per request; never on other 4xx: 401/403
 * (credentials), 400 (a statement the LRS rejects) and the rest stop the push with the LRS's reason.
 *
 * <p>Cost: one request per batch of {@code batchSize}, plus one per statement of a batch that conflicted. Not
 * thread-safe (one push at a time); the report accumulates over calls of {@link #push}.
 */
public final class LrsClient {

    /** The xAPI version sent in every request. */
    public static final String XAPI_VERSION = "1.0.3";

    /** Waits between attempts; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * @param endpoint    the LRS's xAPI endpoint ({@code https://lrs.example/xapi}); {@code /statements} is added
     * @param batchSize   statements per POST
     * @param maxAttempts attempts per request (the first included)
     * @param timeout     per request
     * @param firstBackoff wait before the first retry (doubled each time)
     * @param maxBackoff  longest wait
     */
    public record Settings(URI endpoint, int batchSize, int maxAttempts, Duration timeout, Duration firstBackoff,
                           Duration maxBackoff) {
        public static final int DEFAULT_BATCH = 50;

        public Settings {
            Objects.requireNonNull(endpoint, "endpoint");
            if (batchSize < 1) throw new IllegalArgumentException("the batch size must be at least 1");
            if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt");
        }

        public static Settings defaults(URI endpoint) {
            return new Settings(endpoint, DEFAULT_BATCH, 6, Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(30));
        }
    }

    /**
     * How a push went.
     *
     * @param sent          statements sent
     * @param stored        statements the LRS stored now
     * @param alreadyStored statements it had already (409 on a single PUT)
     * @param requests      HTTP requests made
     * @param retries       of which retries
     */
    public record Report(long sent, long stored, long alreadyStored, long requests, long retries) {
        public static final Report NONE = new Report(0, 0, 0, 0, 0);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final Optional<LrsCredentials> credentials;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Random jitter;
    private final URI statements;
    private long sent;
    private long stored;
    private long already;
    private long requests;
    private long retries;

    public LrsClient(Settings settings, Optional<LrsCredentials> credentials) {
        this(settings, credentials, HttpClient.newBuilder().connectTimeout(settings.timeout()).build(), d -> Thread.sleep(d.toMillis()), new Random());
    }

    public LrsClient(Settings settings, Optional<LrsCredentials> credentials, HttpClient http, Sleeper sleeper, Random jitter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.statements = statementsUri(settings.endpoint());
    }

    /**
     * Checks an LRS endpoint given by a user: http(s), a host, no credentials in it, no query or fragment.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static URI endpoint(String url) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new IllegalArgumentException("the LRS URL must start with https:// (or http://)");
        if (u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the LRS URL must not carry credentials: set " + LrsCredentials.USER + " and "
                    + LrsCredentials.PASSWORD + " (or " + LrsCredentials.AUTH + ")");
        }
        if (u.getHost() == null) throw new IllegalArgumentException("the LRS URL has no host");
        if (u.getRawQuery() != null || u.getRawFragment() != null) throw new IllegalArgumentException("the LRS URL must not have a query or fragment");
        return u;
    }

    private static URI statementsUri(URI endpoint) {
        String s = endpoint.toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return URI.create(s + "/statements");
    }

    /** Where statements go ({@code …/statements}), for messages. */
    public URI statementsUri() {
        return statements;
    }

    /** What all pushes so far did. */
    public Report report() {
        return new Report(sent, stored, already, requests, retries);
    }

    /** Pushes {@code batch}es of the statements, in order. Stops at the first failure that retrying cannot fix. */
    public Report push(List<ObjectNode> all) throws LrsException, InterruptedException {
        for (int from = 0; from < all.size(); from += settings.batchSize()) {
            List<ObjectNode> batch = all.subList(from, Math.min(all.size(), from + settings.batchSize()));
            ArrayNode body = JsonNodeFactory.instance.arrayNode();
            batch.forEach(body::add);
            HttpResponse<String> r = send(HttpRequest.newBuilder(statements).POST(bodyOf(body.toString())), "POST a batch");
            int code = r.statusCode();
            if (code == 200 || code == 204) {
                sent += batch.size();
                stored += batch.size();
            } else if (code == 409) {
                for (ObjectNode s : batch) putOne(s);
            } else {
                throw refused(r, "a batch of " + batch.size());
            }
        }
        return report();
    }

    private void putOne(ObjectNode statement) throws LrsException, InterruptedException {
        String id = statement.path("id").asText("");
        if (id.isEmpty()) throw new LrsException("a statement without an id cannot be sent idempotently", report());
        URI uri = URI.create(statements + "?statementId=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).PUT(bodyOf(statement.toString())), "PUT statement " + id);
        sent++;
        if (r.statusCode() == 204 || r.statusCode() == 200) stored++;
        else if (r.statusCode() == 409) already++;
        else throw refused(r, "statement " + id);
    }

    private static HttpRequest.BodyPublisher bodyOf(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    /** Sends with retries; returns the first answer that is not worth retrying. */
    private HttpResponse<String> send(HttpRequest.Builder b, String what) throws LrsException, InterruptedException {
        b.timeout(settings.timeout())
                .header("X-Experience-API-Version", XAPI_VERSION)
                .header("Content-Type", "application/json; charset=utf-8");
        credentials.ifPresent(c -> b.header("Authorization", c.header()));
        HttpRequest request = b.build();
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            Duration wait = null;
            try {
                requests++;
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int code = r.statusCode();
                if (code < 500 && code != 429) return r;
                lastProblem = code + " " + reason(code);
                wait = retryAfter(r);
            } catch (HttpTimeoutException e) {
                lastProblem = "no answer within " + settings.timeout().toMillis() + " ms";
            } catch (IOException e) {
                lastProblem = "connection failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
            }
            if (attempt >= settings.maxAttempts()) {
                throw new LrsException("the LRS at " + statements + " failed " + attempt + " times (" + what + "), last: "
                        + lastProblem + "; " + stored + " statements were stored before; run the push again later "
                        + "(statements already stored are not duplicated)", report());
            }
            retries++;
            sleeper.sleep(wait != null ? wait : backoff(attempt));
        }
    }

    /** Exponential backoff with ±20% jitter, capped. */
    private Duration backoff(int attempt) {
        double base = settings.firstBackoff().toMillis() * Math.pow(2, attempt - 1);
        double capped = Math.min(base, settings.maxBackoff().toMillis());
        return Duration.ofMillis(Math.round(capped * (0.8 + 0.4 * jitter.nextDouble())));
    }

    /** A {@code Retry-After} in seconds, capped at the maximum backoff; null when absent or a date. */
    private Duration retryAfter(HttpResponse<String> r) {
        Optional<String> h = r.headers().firstValue("Retry-After");
        if (h.isEmpty()) return null;
        try {
            long seconds = Long.parseLong(h.get().strip());
            Duration d = Duration.ofSeconds(Math.max(0, seconds));
            return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private LrsException refused(HttpResponse<String> r, String what) {
        int code = r.statusCode();
        String advice = switch (code) {
            case 401 -> "the LRS refused the credentials: set " + LrsCredentials.USER + " and " + LrsCredentials.PASSWORD
                    + " (or " + LrsCredentials.AUTH + ")" + (credentials.isPresent() ? " to ones it accepts" : "");
            case 403 -> "the credentials may not write statements (ask the LRS administrator for a client that may)";
            case 404 -> "no xAPI statements resource there: give the LRS's xAPI endpoint (often ending in /xapi or /data/xAPI)";
            case 400 -> "the LRS rejected " + what + ": " + brief(r.body());
            default -> "the LRS refused " + what + ": " + brief(r.body());
        };
        return new LrsException("LRS " + statements + " answered " + code + " " + reason(code) + "; " + advice + " ("
                + stored + " statements stored before)", report());
    }

    private static String brief(String body) {
        String s = body == null ? "" : body.strip();
        try {
            var node = JSON.readTree(s);
            if (node != null && node.has("message")) s = node.get("message").asText();
        } catch (IOException notJson) {
            // keep the text
        }
        s = s.replaceAll("\\p{Cntrl}", " ");
        return s.isEmpty() ? "(no reason given)" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String reason(int code) {
        return switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
