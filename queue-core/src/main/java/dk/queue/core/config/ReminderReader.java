package dk.queue.core.config;

import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads the {@code reminders} block:
 * <pre>
 * reminders:
 *   at: "18:00"                       # on the day before, in the branch's zone (default 18:00)
 *   smtp: {host: smtp.example.dk, port: 587, from: "Borgerservice &lt;noreply@example.dk&gt;",
 *          starttls: true, user: koe, passwordEnv: QUEUE_SMTP_PASSWORD}
 *   sms:  {url: "https://sms.example.dk/send", headers: {Authorization: "env:QUEUE_SMS_TOKEN"},
 *          body: '{"to": "{to}", "text": "{text}"}'}
 * </pre>
 * A header value {@code env:NAME} is read from the environment variable NAME, as the SMTP
 * password is from {@code passwordEnv}; an unset variable is an error of the file.
 */
final class ReminderReader {
  private ReminderReader() {}

  static ReminderSettings read(YamlNode node, UnaryOperator<String> env) {
    Fields f = node.fields("at", "checkSeconds", "smtp", "sms");
    LocalTime at = f.optional("at").map(ReminderReader::time).orElse(ReminderSettings.DEFAULT_AT);
    int check = f.optional("checkSeconds").map(n -> n.integer(1, 3600)).orElse(ReminderSettings.DEFAULT_CHECK_SECONDS);
    ReminderSettings.Smtp smtp = f.optional("smtp").map(n -> smtp(n, env)).orElse(null);
    ReminderSettings.Sms sms = f.optional("sms").map(n -> sms(n, env)).orElse(null);
    if (smtp == null && sms == null) {
      throw node.problem("reminders need smtp (e-mail), sms (an SMS gateway) or both");
    }
    return new ReminderSettings(at, check, smtp, sms);
  }

  private static LocalTime time(YamlNode node) {
    try {
      return LocalTime.parse(node.text());
    } catch (DateTimeParseException e) {
      throw node.problem("'" + node.text() + "' is not a time of day such as 18:00");
    }
  }

  private static ReminderSettings.Smtp smtp(YamlNode node, UnaryOperator<String> env) {
    Fields f = node.fields("host", "port", "from", "starttls", "user", "passwordEnv");
    String host = f.required("host").text();
    int port = f.optional("port").map(n -> n.integer(1, 65535)).orElse(25);
    YamlNode fromNode = f.required("from");
    String from = fromNode.text();
    if (!from.matches("(?s).*[^@\\s<]+@[^@\\s>]+.*")) {
      throw fromNode.problem("'" + from + "' is not an e-mail address, such as noreply@example.dk");
    }
    boolean startTls = f.optional("starttls").map(YamlNode::bool).orElse(false);
    String user = f.optional("user").map(YamlNode::text).orElse(null);
    String password = f.optional("passwordEnv").map(n -> variable(n, n.text(), env)).orElse(null);
    if ((user == null) != (password == null)) {
      throw node.problem("user and passwordEnv go together: give both for a server that needs a sign-in, or neither");
    }
    return new ReminderSettings.Smtp(host, port, from, startTls, user, password);
  }

  private static ReminderSettings.Sms sms(YamlNode node, UnaryOperator<String> env) {
    Fields f = node.fields("url", "headers", "body");
    YamlNode urlNode = f.required("url");
    String url = urlNode.text();
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw urlNode.problem("'" + url + "' is not an http or https address");
      }
    } catch (IllegalArgumentException e) {
      throw urlNode.problem("'" + url + "' is not an http or https address");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    f.optional("headers").ifPresent(h -> {
      for (YamlNode.Entry e : h.entries()) {
        String value = e.value().text();
        headers.put(e.key().text(), value.startsWith("env:") ? variable(e.value(), value.substring(4), env) : value);
      }
    });
    YamlNode bodyNode = f.required("body");
    String body = bodyNode.text();
    if (!body.contains("{to}") || !body.contains("{text}")) {
      throw bodyNode.problem("the body must hold the placeholders {to} (the phone number) and {text} (the reminder)");
    }
    return new ReminderSettings.Sms(url, headers, body);
  }

  private static String variable(YamlNode node, String name, UnaryOperator<String> env) {
    String value = env.apply(name);
    if (value == null || value.isEmpty()) {
      throw node.problem("the environment variable " + name + " is not set");
    }
    return value;
  }
}
