package io.driftwatch.app;

import io.driftwatch.app.cluster.ClusterCommand;
import io.driftwatch.app.cluster.SubmitCommand;
import io.driftwatch.app.demorun.DemoCommand;
import io.driftwatch.app.stack.StackCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code driftwatch} command line. Subcommands live in their own classes. */
@Command(name = "driftwatch", mixinStandardHelpOptions = true, version = "driftwatch 0.1.0",
        description = "Real-time ML model monitoring on Apache Flink.",
        subcommands = {StackCommand.class, DemoCommand.class, RunCommand.class, MigrateCommand.class, SqlCommand.class,
                BaselineCommand.class, DriftCommand.class, EvaluateCommand.class, DetectCommand.class, ReportCommand.class,
                RulesCommand.class, ClusterCommand.class, SubmitCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(Main::reportFailure);
        return cli;
    }

    /** Exit code for bad input or a failed operation (2, as for usage errors: 0 and 3 mean results). */
    public static final int EXIT_FAILURE = 2;

    /** One line for the user; the stack trace only when DRIFTWATCH_DEBUG is set. */
    private static int reportFailure(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("driftwatch " + cli.getCommandName() + ": " + message);
        if (System.getenv("DRIFTWATCH_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        return EXIT_FAILURE;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
