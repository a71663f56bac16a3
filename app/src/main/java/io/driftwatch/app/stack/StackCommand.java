package io.driftwatch.app.stack;

import picocli.CommandLine.Command;

/** {@code driftwatch stack ...}: the embedded local stack. */
@Command(name = "stack", mixinStandardHelpOptions = true, description = "Run the embedded local stack (Kafka and ClickHouse).",
        subcommands = {StackUpCommand.class})
public final class StackCommand {
}
