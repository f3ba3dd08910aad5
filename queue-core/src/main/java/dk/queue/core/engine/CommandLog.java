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

  private static String text(Map<String, Object> line) {
    StringBuilder b = new StringBuilder();
    line.forEach((k, v) -> {
      if (b.length() > 0) {
        b.append(' ');
      }
      String value = String.valueOf(v);
      b.append(k).append('=').append(value.contains(" ") ? '"' + value.replace("\"", "'") + '"' : value);
    });
    return b.toString();
  }
}
