package io.driftwatch.schemas.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at {@code ;}, ignoring semicolons inside quotes and comments.
 *
 * <p>Understands single-quoted strings (with {@code ''} and backslash escapes, as ClickHouse does),
 * double-quoted and back-quoted identifiers, {@code --} line comments and {@code /* *}{@code /} block
 * comments. Comments are removed; statements are trimmed; empty statements (e.g. after a trailing
 * {@code ;} or a comment-only part) are dropped. An unterminated quote or block comment is an error.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /**
     * @return the statements in order, without comments and without the separating semicolons
     * @throws IllegalArgumentException if a quote or block comment is not closed
     */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                i = skipLineComment(script, i);
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                i = skipBlockComment(script, i);
                current.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(script, i);
                current.append(script, i, end);
                i = end;
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    /** The first non-blank line of a statement, for error messages. */
    public static String firstLine(String statement) {
        return statement.strip().lines().findFirst().orElse("").strip();
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String trimmed = statement.toString().strip();
        if (!trimmed.isEmpty()) {
            statements.add(trimmed);
        }
    }

    private static int skipLineComment(String s, int start) {
        int newline = s.indexOf('\n', start);
        return newline < 0 ? s.length() : newline;
    }

    private static int skipBlockComment(String s, int start) {
        int end = s.indexOf("*/", start + 2);
        if (end < 0) {
            throw new IllegalArgumentException("Unterminated /* comment starting at offset " + start);
        }
        return end + 2;
    }

    /** Index just after the closing quote of the quoted text starting at {@code start}. */
    private static int endOfQuoted(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2; // doubled quote stands for itself
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("Unterminated " + quote + " quote starting at offset " + start);
    }
}
