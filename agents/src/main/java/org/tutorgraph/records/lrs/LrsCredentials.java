package org.tutorgraph.records.lrs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Basic-auth credentials for a Learning Record Store, from the environment only (a command line would show them in
 * process lists and shell history): {@value #USER} and {@value #PASSWORD}, or {@value #AUTH} as {@code key:secret}
 * (the pair an LRS hands out for a client). Never printed: {@link #toString()} hides them.
 */
public final class LrsCredentials {

    public static final String USER = "TUTORGRAPH_LRS_USER";
    public static final String PASSWORD = "TUTORGRAPH_LRS_PASSWORD";
    public static final String AUTH = "TUTORGRAPH_LRS_AUTH";

    private final String header;
    private final String user;

    private LrsCredentials(String user, String password) {
        this.user = user;
        this.header = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The credentials the environment gives, if any.
     *
     * @throws IllegalArgumentException when they are given halfway (a user without a password, an AUTH without ':')
     */
    public static Optional<LrsCredentials> fromEnvironment(Map<String, String> env) {
        String user = blankToNull(env.get(USER));
        String password = env.get(PASSWORD);
        if (user != null || (password != null && !password.isEmpty())) {
            if (user == null) throw new IllegalArgumentException(PASSWORD + " is set but " + USER + " is not");
            if (password == null) throw new IllegalArgumentException(USER + " is set but " + PASSWORD + " is not");
            return Optional.of(new LrsCredentials(user, password));
        }
        String auth = blankToNull(env.get(AUTH));
        if (auth == null) return Optional.empty();
        int colon = auth.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException(AUTH + " must be KEY:SECRET (the LRS client's key and secret)");
        return Optional.of(new LrsCredentials(auth.substring(0, colon), auth.substring(colon + 1)));
    }

    /** The {@code Authorization} header's value. */
    String header() {
        return header;
    }

    /** The user (or key) name, which may be shown. */
    public String user() {
        return user;
    }

    @Override
    public String toString() {
        return "basic auth as " + user + " (password hidden)";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
