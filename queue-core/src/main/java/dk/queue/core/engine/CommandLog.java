package dk.queue.core.engine;

import dk.queue.core.domain.Command;
import dk.queue.core.json.JsonMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One line per command: when, which branch and desk, who, and what came of it. As {@code key=value}
 * pairs for people, or as JSON for log collectors. Ticks that change nothing are not logged.
 */
public final class CommandLog {
  private final boolean json;
  private final Consumer<String> sink;

  public CommandLog(boolean json, Consumer<String> sink) {
    this.json = json;
    this.sink = sink;
  }

  void log(String branch, Command command, Outcome outcome, Throwable failure) {
    if (command instanceof Command.Tick && failure == null && outcome.events().isEmpty()) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", command.at().toString());
    line.put("command", command.getClass().getSimpleName());
    line.put("branch", branch);
    if (command instanceof Command.AtDesk) {
      line.put("desk", ((Command.AtDesk) command).desk());
      line.put("staff", ((Command.AtDesk) command).staff());
    }
    if (failure != null) {
      line.put("outcome", "failed");
      line.put("error", String.valueOf(failure.getMessage()));
    } else if (outcome.accepted()) {
      line.put("outcome", outcome.events().isEmpty() ? "nothing-to-do" : "accepted");
      if (!outcome.events().isEmpty()) {
        line.put("seq", outcome.events().get(outcome.events().size() - 1).seq());
      }
    } else {
      line.put("outcome", "rejected");
      line.put("reason", outcome.rejection().reason().code());
    }
    sink.accept(json ? JsonMapping.encode(line) : text(line));
  }

  /**
   * A value with its control characters escaped ({@code \n} as {@code \u000a}), so that an id sent
   * by a client cannot start a line of its own.
   */
  static String printable(String value) {
    StringBuilder b = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
        if (b == null) {
          b = new StringBuilder(value.substring(0, i));
        }
        b.append(String.format("\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? value : b.toString();
  }

  private static String text(Map<String, Object> line) {
    StringBuilder b = new StringBuilder();
    line.forEach((k, v) -> {
      if (b.length() > 0) {
        b.append(' ');
      }
      String value = printable(String.valueOf(v));
      b.append(k).append('=').append(value.contains(" ") ? '"' + value.replace("\"", "'") + '"' : value);
    });
    return b.toString();
  }
}
