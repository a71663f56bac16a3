package io.driftwatch.app.cluster;

import picocli.CommandLine.Command;

/** {@code driftwatch cluster ...}: a local multi-process Flink session cluster. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Run a local Flink session cluster (JobManager and TaskManagers as separate JVMs).",
        subcommands = {ClusterUpCommand.class})
public final class ClusterCommand {
}
