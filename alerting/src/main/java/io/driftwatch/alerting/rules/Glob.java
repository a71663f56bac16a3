package io.driftwatch.alerting.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A shell-style pattern over one name: {@code *} matches any run of characters (also none), {@code ?} one
 * character, everything else itself. The whole name must match. {@code "*"} matches everything, also "".
 */
public record Glob(String pattern) {

    public static final Glob ANY = new Glob("*");

    public Glob {
        Objects.requireNonNull(pattern, "pattern");
    }

    public boolean matches(String name) {
        return compiled().matcher(name).matches();
    }

    private Pattern compiled() {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
