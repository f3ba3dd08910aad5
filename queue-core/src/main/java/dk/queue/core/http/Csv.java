package dk.queue.core.http;

import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV: comma- or semicolon-separated (as the header row has them), quoted fields with "" inside. */
final class Csv {
  private Csv() {}

  static List<List<String>> parse(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int headerEnd = s.indexOf('\n') < 0 ? s.length() : s.indexOf('\n');
    String header = s.substring(0, headerEnd);
    char sep = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
