package io.driftwatch.schemas.migrate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsAndTrims() {
        assertThat(SqlScript.split("CREATE TABLE a (x UInt8) ENGINE = Memory;\n  SELECT 1 ;SELECT 2"))
                .containsExactly("CREATE TABLE a (x UInt8) ENGINE = Memory", "SELECT 1", "SELECT 2");
    }

    @Test
    void dropsEmptyStatementsAndComments() {
        String script = "-- header; with semicolon\n;;\nSELECT 1; -- trailing; comment\n/* block; \n comment */;\n";
        assertThat(SqlScript.split(script)).containsExactly("SELECT 1");
    }

    @Test
    void blockCommentInsideStatementBecomesSpace() {
        assertThat(SqlScript.split("SELECT/*x*/1")).containsExactly("SELECT 1");
    }

    @Test
    void keepsSemicolonsAndCommentMarkersInsideQuotes() {
        String script = "SELECT 'a;b', 'it''s; --no', 'back\\'slash;', \"col;1\", `col--2`; SELECT 2";
        assertThat(SqlScript.split(script)).containsExactly(
                "SELECT 'a;b', 'it''s; --no', 'back\\'slash;', \"col;1\", `col--2`", "SELECT 2");
    }

    @Test
    void emptyOrCommentOnlyScriptHasNoStatements() {
        assertThat(SqlScript.split("")).isEmpty();
        assertThat(SqlScript.split("  -- nothing\n/* here */ ")).isEmpty();
    }

    @Test
    void unterminatedQuoteOrCommentIsRejected() {
        assertThatThrownBy(() -> SqlScript.split("SELECT 'oops; SELECT 2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unterminated ' quote");
        assertThatThrownBy(() -> SqlScript.split("SELECT 1 /* oops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unterminated /* comment");
    }

    @Test
    void firstLineSkipsLeadingBlankLines() {
        assertThat(SqlScript.firstLine("\n  CREATE TABLE t\n(x UInt8)")).isEqualTo("CREATE TABLE t");
    }
}
