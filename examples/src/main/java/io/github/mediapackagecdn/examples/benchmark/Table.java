package io.github.mediapackagecdn.examples.benchmark;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table with a title, its columns padded to their widest cell, ready to paste into the README. */
final class Table {

  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table titled {@code title} with these column headings. */
  Table(String title, String... header) {
    this.title = title;
    this.header = List.of(header);
  }

  /** Adds a row of as many cells as there are columns. */
  Table row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("a row of " + header.size() + " cells, not " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  /** The title, a blank line and the table, each line ending in a newline. */
  @Override
  public String toString() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(3, header.get(i).length());
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder s = new StringBuilder(title).append("\n\n");
    line(s, header, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(s, rule, widths);
    rows.forEach(row -> line(s, row, widths));
    return s.toString();
  }

  private static void line(StringBuilder s, List<String> cells, int[] widths) {
    s.append('|');
    for (int i = 0; i < cells.size(); i++) {
      s.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
    }
    s.append('\n');
  }
}
