package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/// Mutations of line-oriented files: lines duplicated, deleted, swapped, blanked or made huge;
/// separators swapped, fields dropped, added or given values of the wrong type; Windows line
/// ends, a missing final newline, control characters. For JSON lines, one line may also get a
/// [JsonMutations] mutation of its own.
final class LineMutations {

    /// Field values that a typed column must refuse or handle.
    private static final List<String> ODD_FIELDS = List.of("", " ", "x", "-1", "NaN", "1e999", "1.5",
            "99999999999999999999", "\u0000", "\u001b[31m", "Q0", "#", "../../x", "\u202e");

    private LineMutations() {
    }

    static Mutated apply(byte[] data, boolean jsonLines, Random random, EscapePayloads escapes, Path from)
            throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        boolean finalNewline = text.endsWith("\n");
        if (finalNewline) {
            lines.removeLast();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        int at = random.nextInt(lines.size());
        int choice = random.nextInt(jsonLines ? 14 : 12);
        String family;
        String detail;
        switch (choice) {
            case 0 -> {
                int copies = 1 + random.nextInt(3);
                for (int i = 0; i < copies; i++) {
                    lines.add(at, lines.get(at));
                }
                family = "line-duplicate";
                detail = "line " + (at + 1) + " x" + (copies + 1);
            }
            case 1 -> {
                lines.remove(at);
                family = "line-delete";
                detail = "line " + (at + 1);
            }
            case 2 -> {
                int other = random.nextInt(lines.size());
                String a = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, a);
                family = "line-swap";
                detail = "lines " + (at + 1) + " and " + (other + 1);
            }
            case 3 -> {
                String blank = List.of("", " ", "\t", "\t\t\t", "\r", " \t ").get(random.nextInt(6));
                lines.add(at, blank);
                family = "line-blank";
                detail = "blank line before " + (at + 1);
            }
            case 4 -> {
                int size = (1 << 20) + random.nextInt(1 << 21);
                String huge = jsonLines
                        ? "{\"id\":\"huge\",\"text\":\"" + "word ".repeat(size / 5) + "\"}"
                        : lines.get(at) + " " + "word ".repeat(size / 5);
                lines.set(at, huge);
                family = "line-huge";
                detail = "line " + (at + 1) + " of " + huge.length() + " chars";
            }
            case 5 -> {
                String line = lines.get(at);
                lines.set(at, line.contains("\t") ? line.replace('\t', ' ') : line.replace(' ', '\t'));
                family = "separator-swap";
                detail = "line " + (at + 1);
            }
            case 6 -> {
                String line = lines.get(at);
                int cut = Math.max(line.lastIndexOf('\t'), line.lastIndexOf(' '));
                lines.set(at, cut < 0 ? "" : line.substring(0, cut));
                family = "field-drop";
                detail = "last field of line " + (at + 1);
            }
            case 7 -> {
                String odd = ODD_FIELDS.get(random.nextInt(ODD_FIELDS.size()));
                String line = lines.get(at);
                String separator = line.contains("\t") ? "\t" : " ";
                List<String> fields = new ArrayList<>(Arrays.asList(line.split(separator, -1)));
                int field = random.nextInt(fields.size() + 1);
                if (field == fields.size()) {
                    fields.add(odd);
                    family = "field-extra";
                } else {
                    fields.set(field, odd);
                    family = "field-value";
                }
                lines.set(at, String.join(separator, fields));
                detail = "line " + (at + 1) + " field " + (field + 1) + " = " + JsonMutations.abbreviate(odd);
            }
            case 8 -> {
                return new Mutated("crlf", "Windows line ends",
                        (String.join("\r\n", lines) + (finalNewline ? "\r\n" : "")).getBytes(StandardCharsets.UTF_8));
            }
            case 9 -> {
                return new Mutated("no-final-newline", "last newline removed",
                        String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            }
            case 10 -> {
                String payload = escapes.pick(random, from);
                String line = lines.get(at);
                int cut = line.indexOf('\t');
                lines.set(at, cut < 0 ? payload + " " + line : payload + line.substring(cut));
                family = "path-escape-field";
                detail = "line " + (at + 1) + " first field = " + payload;
            }
            case 11 -> {
                lines.add(at, List.of("# comment", "\u0000\u0000", "\u001b[2J", "a\tb\tc\td\te\tf\tg", "\uFEFFbom")
                        .get(random.nextInt(5)));
                family = "line-odd";
                detail = "odd line before " + (at + 1);
            }
            default -> {
                Mutated inner = JsonMutations.apply(lines.get(at), random, false, escapes, from);
                if (inner == null) {
                    lines.set(at, lines.get(at) + "}");
                    family = "json-line-broken";
                    detail = "line " + (at + 1) + " gained a brace";
                } else {
                    lines.set(at, new String(inner.bytes(), StandardCharsets.UTF_8).replace("\n", " "));
                    family = inner.family();
                    detail = "line " + (at + 1) + ": " + inner.detail();
                }
            }
        }
        String joined = String.join("\n", lines) + (finalNewline ? "\n" : "");
        return new Mutated(family, detail, joined.getBytes(StandardCharsets.UTF_8));
    }
}
