package dev.sealant.cli;

import dev.sealant.error.SealantException;
import dev.sealant.error.UsageException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;

/**
 * The entry point. Only {@link #main} calls {@code System.exit}; {@link #run} is what tests call,
 * with injected streams, environment and working directory.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Env.system(), args));
  }

  public static int run(Env env, String... args) {
    java.util.Optional<Integer> hook = HookCommand.fastPath(env, args);
    if (hook.isPresent()) {
      return hook.get();
    }
    CommandLine cl = commandLine(env);
    return cl.execute(args);
  }

  static CommandLine commandLine(Env env) {
    CommandLine cl = new CommandLine(new SealantCommand(env), new Factory(env));
    // The platform charset, as the PrintStreams the reports go through use it.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(env.out(), Charset.defaultCharset()), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(env.err(), Charset.defaultCharset()), true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("sealant: " + Messages.safe(ex.getMessage()));
      c.getErr().println(helpHint(c));
      c.getErr().flush();
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      PrintWriter e = c.getErr();
      boolean verbose = verbose(parsed);
      int code;
      if (ex instanceof SealantException se) {
        e.println("sealant: " + Messages.safe(se.getMessage()));
        if (se instanceof UsageException) {
          e.println(helpHint(c));
        }
        code = se.exitCode();
      } else {
        e.println("sealant: internal error: " + ex.getClass().getName()
            + " (run with --verbose for the stack trace; please report it)");
        code = ExitCodes.ERROR;
      }
      if (verbose) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        // A trace repeats the messages (and causes' messages) verbatim: each line is made safe too.
        sw.toString().lines().forEach(line -> e.println(
            line.startsWith("\t") ? "\t" + Messages.safe(line.substring(1)) : Messages.safe(line)));
      }
      e.flush();
      return code;
    });
    return cl;
  }

  /** Whether {@code -v}/{@code --verbose} was given to any command on the line (also as in {@code -vf json}). */
  private static boolean verbose(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String helpHint(CommandLine c) {
    return "Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.";
  }

  /** Creates commands with the {@link Env} when they take one. */
  private record Factory(Env env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(Env.class).newInstance(env);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  static List<String> names() {
    return List.of("sealant");
  }
}
