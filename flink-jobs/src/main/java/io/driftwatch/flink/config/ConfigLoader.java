package io.driftwatch.flink.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads a {@link DriftwatchConfig} from YAML. Validates everything at once and throws one
 * {@link ConfigException} listing every error with its key path; unknown keys are errors (with a "did you
 * mean" when close); secret references are resolved through the given {@link SecretResolver}.
 */
public final class ConfigLoader {

    private final SecretResolver secrets;
    private final YAMLMapper yaml;

    /** Resolves secrets from the process environment and the file system. */
    public ConfigLoader() {
        this(SecretResolver.system());
    }

    public ConfigLoader(SecretResolver secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        YAMLFactory factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.yaml = new YAMLMapper(factory);
    }

    /** Reads and validates {@code file}. */
    public DriftwatchConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigError("", "cannot read: " + e)));
        }
        return parse(text, file.toString());
    }

    /**
     * Validates YAML text.
     *
     * @param source name used in the error message (file name)
     */
    public DriftwatchConfig parse(String yamlText, String source) {
        JsonNode document;
        try {
            document = yaml.readTree(yamlText);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ConfigException(source, List.of(new ConfigError("", "not valid YAML" + where + ": "
                    + e.getOriginalMessage())));
        }
        if (document == null || document.isMissingNode() || document.isNull()) {
            document = JsonNodeFactory.instance.objectNode();
        }
        LoadContext context = new LoadContext(DriftwatchConfig.OPTIONS, secrets);
        DriftwatchConfig config = DriftwatchConfig.read(ConfigNode.root(document, context));
        if (config == null || context.errorCount() > 0) {
            throw new ConfigException(source, context.errors());
        }
        return config;
    }
}
