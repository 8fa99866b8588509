package reservecheck.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, for terminals and logs alike. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    void add(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
    }

    @Override
    public String toString() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], cell(r[i]).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == 0 ? "" : "  ");
                line.append(i == columns - 1 ? cell(r[i]) : pad(cell(r[i]), width[i]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (n == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
                }
                sb.append(rule).append('\n');
            }
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s == null ? "-" : s;
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    /** {@code s} cut to {@code max} characters, ending in "..." when cut. */
    static String shorten(String s, int max) {
        if (s == null) {
            return null;
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, Math.max(0, max - 3)).stripTrailing() + "...";
    }
}
