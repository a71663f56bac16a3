package io.driftwatch.flink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A node of the YAML document with its key path; reads declared options and collects errors instead of
 * throwing, so that one load reports every problem. Mappings reached through {@link #section(String)} and
 * {@link #entries()} are checked for unknown keys.
 */
public final class ConfigNode {

    private final JsonNode json;
    private final String path;
    private final String template;
    private final LoadContext context;

    private ConfigNode(JsonNode json, String path, String template, LoadContext context) {
        this.json = json;
        this.path = path;
        this.template = template;
        this.context = context;
    }

    static ConfigNode root(JsonNode json, LoadContext context) {
        ConfigNode root = new ConfigNode(json, "", "", context);
        return root.asMapping();
    }

    /** The YAML value (never null for nodes handed to {@link ValueType#read}). */
    public JsonNode json() {
        return json;
    }

    /** Key path of this node, e.g. {@code kafka.topics.labels}. */
    public String path() {
        return path;
    }

    /** Records an error at this node's path. */
    public void error(String message) {
        context.add(new ConfigError(path, message));
    }

    public SecretResolver secrets() {
        return context.secrets();
    }

    /** The value of a key below this value node (for types that read maps or lists); not checked for unknown keys. */
    public ConfigNode child(String key, JsonNode value) {
        return new ConfigNode(value, path.isEmpty() ? key : path + "." + key, template + ".*", context);
    }

    /** The same path holding another value (e.g. a map key read as a value). */
    public ConfigNode withJson(JsonNode value) {
        return new ConfigNode(value, path, template, context);
    }

    /** Number of errors recorded so far in this load (to tell whether a section read cleanly). */
    int errorCount() {
        return context.errorCount();
    }

    /** Whether the option's key is present with a non-null value. */
    boolean has(ConfigOption<?> option) {
        JsonNode value = json.get(key(option));
        return value != null && !value.isNull();
    }

    /** The option's value, its default when absent, or {@code null} after an error. */
    <T> T get(ConfigOption<T> option) {
        if (option.required() && !has(option)) {
            context.add(new ConfigError(childPath(option.name()), "is required: " + option.description()));
            return null;
        }
        return getOr(option, option.defaultValue());
    }

    /** The option's value, or {@code fallback} when absent ({@code null} after an error). */
    <T> T getOr(ConfigOption<T> option, T fallback) {
        if (!has(option)) {
            return fallback;
        }
        String name = key(option);
        return option.type().read(new ConfigNode(json.get(name), childPath(name), option.path(), context));
    }

    /** A nested mapping declared in the options (missing means empty). */
    ConfigNode section(String name) {
        String childTemplate = template.isEmpty() ? name : template + "." + name;
        if (!context.childKeys(template).contains(name)) {
            throw new IllegalStateException("no options declared under " + childTemplate);
        }
        JsonNode value = json.get(name);
        return new ConfigNode(value == null || value.isNull() ? JsonNodeFactory.instance.objectNode() : value,
                childPath(name), childTemplate, context).asMapping();
    }

    /** The entries of a mapping whose keys are user-chosen (declared with a placeholder such as {@code <model>}). */
    Map<String, ConfigNode> entries() {
        Set<String> keys = context.childKeys(template);
        if (keys.size() != 1 || !keys.iterator().next().startsWith("<")) {
            throw new IllegalStateException(template + " is not declared as a map with a <placeholder>");
        }
        String childTemplate = template + "." + keys.iterator().next();
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            JsonNode value = entry.getValue().isNull() ? JsonNodeFactory.instance.objectNode() : entry.getValue();
            entries.put(entry.getKey(), new ConfigNode(value, childPath(entry.getKey()), childTemplate, context).asMapping());
        }
        return entries;
    }

    private ConfigNode asMapping() {
        if (!json.isObject()) {
            error("must be a mapping of keys to values, got " + ValueTypes.describe(json));
            return new ConfigNode(JsonNodeFactory.instance.objectNode(), path, template, context);
        }
        Set<String> known = context.childKeys(template);
        boolean openKeys = known.stream().anyMatch(k -> k.startsWith("<"));
        if (!openKeys) {
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!known.contains(key)) {
                    context.add(new ConfigError(childPath(key), "unknown key" + Suggestions.didYouMean(key, known)
                            + "; known keys here: " + String.join(", ", known)));
                }
            }
        }
        return this;
    }

    private String key(ConfigOption<?> option) {
        if (!option.parentPath().equals(template)) {
            throw new IllegalStateException("option " + option.path() + " read at " + template);
        }
        return option.name();
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
