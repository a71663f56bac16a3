package io.driftwatch.app;

import io.driftwatch.alerting.rules.RuleError;
import io.driftwatch.alerting.rules.RulesValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code driftwatch rules ...}: alert rules as code. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with alert rule files.",
        subcommands = {RulesCommand.Validate.class, RulesBacktestCommand.class})
final class RulesCommand {

    /** Exit code when the rules file has errors. */
    static final int EXIT_INVALID = 1;

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a rules file; print every error with its line and column.")
    static final class Validate implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The rules YAML file.")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(file + ": no such file");
            }
            List<RuleError> errors = RulesValidator.validate(file);
            errors.forEach(System.out::println);
            System.out.println(errors.isEmpty() ? file + ": valid" : file + ": " + errors.size() + " error(s)");
            return errors.isEmpty() ? 0 : EXIT_INVALID;
        }
    }
}
