package dev.sealant.cli;

import dev.sealant.error.Failure;
import dev.sealant.error.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    try {
      Optional<Integer> hook = HookCommand.fastPath(env, args);
      if (hook.isPresent()) {
        return hook.get();
      }
      String[] line = bareScan(args);
      return commandLine(env, line).execute(line);
    } catch (OutOfMemoryError | StackOverflowError | LinkageError e) {
      // Not an exception, so picocli's handler never sees it; left alone, the JVM prints a trace
      // and exits 1, which reads as "secrets found". One line and exit 3 instead. A LinkageError:
      // a class that cannot load or initialise (JGit's message bundles, from a jar under a path
      // with "!/" in it, which Java's jar URLs cannot name).
      env.err().println(Failure.line(e, Messages::safe));
      env.err().flush();
      return Failure.exitCode(e);
    }
  }

  /**
   * {@code sealant -f json} means {@code sealant scan -f json}: bare {@code sealant} is a scan, so
   * options before any command are the scan's (except the root's own help and version).
   */
  static String[] bareScan(String... args) {
    if (args.length == 0
        || !args[0].startsWith("-")
        || List.of("-h", "--help", "-V", "--version").contains(args[0])) {
      return args;
    }
    String[] withScan = new String[args.length + 1];
    withScan[0] = "scan";
    System.arraycopy(args, 0, withScan, 1, args.length);
    return withScan;
  }

  /** picocli refuses a narrower usage width (and throws, on every command). */
  static final int MIN_HELP_WIDTH = 55;

  /**
   * Help is wrapped to {@code COLUMNS} (a terminal's width as shells export it), else 80; never
   * narrower than picocli allows.
   */
  static int helpWidth(Env env) {
    try {
      int n = Integer.parseInt(env.var("COLUMNS").orElse("80").trim());
      return Math.max(MIN_HELP_WIDTH, Math.min(n, 200));
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /**
   * Joins each command's description lines into paragraphs (a blank or indented line ends one), so
   * picocli wraps whole sentences at the help width instead of breaking the source's lines again.
   */
  private static void joinDescriptions(CommandLine cl) {
    CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    List<String> paragraphs = new ArrayList<>();
    StringBuilder p = new StringBuilder();
    for (String line : usage.description()) {
      if (line.isBlank() || line.startsWith(" ")) {
        // A blank line ends a paragraph; an indented one (a command to type) stays a line of its
        // own.
        if (p.length() > 0) {
          paragraphs.add(p.toString());
          p.setLength(0);
        }
        paragraphs.add(line);
      } else {
        p.append(p.length() == 0 ? "" : " ").append(line.strip());
      }
    }
    if (p.length() > 0) {
      paragraphs.add(p.toString());
    }
    usage.description(paragraphs.toArray(new String[0]));
    cl.getSubcommands().values().stream().distinct().forEach(Main::joinDescriptions);
  }

  /**
   * The command line for {@code args}: the root command, with only the command {@code args} names
   * registered when it names one (bare {@code sealant} is a scan), else all of them (root help, an
   * unknown command, {@code help}, which lists them).
   */
  static CommandLine commandLine(Env env, String... args) {
    Factory factory = new Factory(env);
    CommandLine cl = new CommandLine(new SealantCommand(env), factory);
    String named = args.length == 0 ? "scan" : args[0];
    boolean one =
        !named.equals("help")
            && SealantCommand.COMMANDS.stream().anyMatch(c -> c.getKey().equals(named));
    for (Map.Entry<String, Class<?>> c : SealantCommand.COMMANDS) {
      if (!one || c.getKey().equals(named)) {
        cl.addSubcommand(c.getKey(), new CommandLine(c.getValue(), factory));
      }
    }
    cl.setOut(Streams.writer(env.out()));
    cl.setErr(Streams.writer(env.err()));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(helpWidth(env));
    joinDescriptions(cl);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          // picocli's own parse errors are usage errors, rendered as every other error is.
          CommandLine c = ex.getCommandLine();
          UsageException usage = new UsageException(ex.getMessage(), ex);
          c.getErr().println(Failure.line(usage, Messages::safe));
          c.getErr().println(helpHint(c));
          c.getErr().flush();
          return Failure.exitCode(usage);
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          PrintWriter e = c.getErr();
          e.println(Failure.line(ex, Messages::safe));
          if (ex instanceof UsageException) {
            e.println(helpHint(c));
          }
          if (verbose(parsed)) {
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            // A trace repeats the messages (and causes' messages) verbatim: each line is made safe
            // too.
            sw.toString()
                .lines()
                .forEach(
                    line ->
                        e.println(
                            line.startsWith("\t")
                                ? "\t" + Messages.safe(line.substring(1))
                                : Messages.safe(line)));
          }
          e.flush();
          return Failure.exitCode(ex);
        });
    return cl;
  }

  /**
   * Whether {@code -v}/{@code --verbose} was given to any command on the line (also as in {@code
   * -vf json}).
   */
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
