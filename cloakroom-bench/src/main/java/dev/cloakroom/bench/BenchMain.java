package dev.cloakroom.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.util.Collection;

/**
 * The jar's entry point: JMH's own command line ({@code -h} lists it), then the targets the run
 * measured ({@link Targets}). Unlike JMH's default, a benchmark that throws fails the whole run
 * with exit status 1, so a broken benchmark fails CI's smoke run.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * Runs the benchmarks the arguments select, all of them by default.
     *
     * @param args JMH's options, such as {@code -f 1 -wi 0 -i 1 -r 100ms} or {@code -prof gc RequestBench}
     */
    public static void main(String[] args) {
        try {
            CommandLineOptions command = new CommandLineOptions(args);
            if (command.shouldHelp()) {
                command.showHelp();
                return;
            }
            if (command.shouldList()) {
                new Runner(command).list();
                return;
            }
            if (command.shouldListProfilers()) {
                command.listProfilers();
                return;
            }
            Options options = new OptionsBuilder().parent(command).shouldFailOnError(true).build();
            Collection<RunResult> results = new Runner(options).run();
            System.out.println();
            System.out.print(Targets.report(results));
        } catch (IOException e) {
            System.err.println("cloakroom-bench: cannot read the benchmark list: " + e.getMessage());
            System.exit(1);
        } catch (CommandLineOptionException e) {
            System.err.println("cloakroom-bench: " + e.getMessage());
            System.exit(1);
        } catch (NoBenchmarksException e) {
            System.err.println("cloakroom-bench: no benchmark matches; -l lists them");
            System.exit(1);
        } catch (RunnerException e) {
            System.err.print("cloakroom-bench: a benchmark failed: ");
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }
}
