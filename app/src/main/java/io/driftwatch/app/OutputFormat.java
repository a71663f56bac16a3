package io.driftwatch.app;

import java.util.Map;
import java.util.stream.Collectors;

/** How a batch command prints its result. */
public enum OutputFormat {
    JSON {
        @Override
        public String render(Map<String, Object> result) {
            return JsonOutput.write(result);
        }
    },
    TEXT {
        @Override
        public String render(Map<String, Object> result) {
            return result.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(System.lineSeparator()));
        }
    };

    public abstract String render(Map<String, Object> result);
}
