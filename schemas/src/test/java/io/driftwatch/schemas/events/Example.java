package io.driftwatch.schemas.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One example file. Names are {@code valid-<what>.json} or {@code invalid-<reason_id>[-<what>].json}, in
 * {@code examples/prediction/} or {@code examples/label/}.
 */
record Example(String kind, String fileName, byte[] bytes, ParseFailureReason expectedReason) {

    static final String ROOT = "/io/driftwatch/schemas/events/examples/";

    boolean expectedValid() {
        return expectedReason == null;
    }

    @Override
    public String toString() {
        return kind + "/" + fileName;
    }

    static List<Example> all(String kind) {
        URL url = Example.class.getResource(ROOT + kind);
        if (url == null) {
            throw new IllegalStateException("no examples folder " + ROOT + kind);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.sorted().map(file -> load(kind, file)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Example load(String kind, Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json")) {
            throw new IllegalStateException("example " + name + " is not .json");
        }
        String[] parts = name.substring(0, name.length() - ".json".length()).split("-");
        ParseFailureReason reason = switch (parts[0]) {
            case "valid" -> null;
            case "invalid" -> ParseFailureReason.fromId(parts[1]);
            default -> throw new IllegalStateException("example " + name + " must start with valid- or invalid-");
        };
        try {
            return new Example(kind, name, Files.readAllBytes(file), reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ParseResult<?> parse(EventParser parser) {
        return kind.equals("prediction") ? parser.parsePrediction(bytes) : parser.parseLabel(bytes);
    }
}
