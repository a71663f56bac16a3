package io.driftwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.URISyntaxException;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            var cli = Main.commandLine();
            cli.setErr(new PrintWriter(stderr, true));
            int code = cli.execute(args);
            return new CliRun(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString());
        } finally {
            System.setOut(original);
        }
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
        }
    }

    static String resource(String name) {
        try {
            Path path = Paths.get(CliRun.class.getResource("/cli/" + name).toURI());
            return path.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode expected() {
        try {
            return new ObjectMapper().readTree(CliRun.class.getResourceAsStream("/cli/expected.json"));
        } catch (Exception e) {
            throw new IllegalStateException("missing /cli/expected.json; run app/src/test/python/gen_cli_cases.py", e);
        }
    }
}
