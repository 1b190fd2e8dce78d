package org.sembridge.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Extracts the `bin/sembridge` commands of a Markdown document and the outputs it shows for
/// them. The convention (also stated in `docs/cli.md`):
///
/// - A command is a line of a ` ```bash ` block that starts with `bin/sembridge`; a trailing `\`
///   continues it on the next line, `# ...` after it is a comment.
/// - `[...]` marks an optional part: the command is checked once without every optional part
///   and once with all of them.
/// - `bench` and `experiment` commands are long: they are parsed (every option must exist and
///   take its value), not run. So is every command of a block preceded by
///   `<!-- doc-test: options-only -->` (commands with `...` placeholders).
/// - A plain ` ``` ` block preceded by `<!-- doc-test: output of PREFIX -->` is the output of the
///   first command of the previous bash block whose arguments start with PREFIX (`encode`,
///   `inspect --run`), run without its optional parts. Its lines must appear in the real output
///   in order and adjacent; a line `...` stands for any number of lines; numbers are compared to
///   the precision shown.
final class DocCommands {

    static final String LAUNCHER = "bin/sembridge";
    private static final Set<String> LONG_COMMANDS = Set.of("bench", "experiment");
    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*doc-test:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");

    private DocCommands() {
    }

    static List<DocCommand> of(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        List<DocCommand> commands = new ArrayList<>();
        List<DocCommand> lastBlock = List.of();
        String pendingMarker = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                pendingMarker = marker.group(1);
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !FENCE.matcher(lines.get(end)).matches()) {
                end++;
            }
            List<String> body = lines.subList(start, Math.min(end, lines.size()));
            String language = fence.group(1);
            if (language.equals("bash")) {
                boolean optionsOnly = "options-only".equals(pendingMarker);
                lastBlock = commandsOf(document, body, start + 1, optionsOnly);
                commands.addAll(lastBlock);
            } else if (pendingMarker != null && pendingMarker.startsWith("output of ")) {
                String prefix = pendingMarker.substring("output of ".length()).strip();
                int index = indexOf(lastBlock, prefix, document, i + 1);
                DocCommand shown = lastBlock.get(index).withShownOutput(trimmed(body));
                commands.set(commands.indexOf(lastBlock.get(index)), shown);
                lastBlock = new ArrayList<>(lastBlock);
                lastBlock.set(index, shown);
            }
            pendingMarker = null;
            i = end;
        }
        return commands;
    }

    private static List<DocCommand> commandsOf(Path document, List<String> body, int firstLine, boolean optionsOnly) {
        List<DocCommand> commands = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            int line = firstLine + i;
            StringBuilder joined = new StringBuilder(body.get(i).strip());
            while (joined.toString().endsWith("\\") && i + 1 < body.size()) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(body.get(++i).strip());
            }
            String text = joined.toString();
            if (!text.startsWith(LAUNCHER + " ")) {
                continue;
            }
            List<String> plain = arguments(OPTIONAL.matcher(text).replaceAll(""));
            List<String> withOptional = arguments(OPTIONAL.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1))));
            boolean parseOnly = optionsOnly || LONG_COMMANDS.contains(plain.isEmpty() ? "" : plain.getFirst());
            commands.add(new DocCommand(document, line, withoutComment(text), plain, withOptional, parseOnly,
                    Optional.empty()));
        }
        return commands;
    }

    private static List<String> arguments(String text) {
        List<String> words = ShellWords.split(text);
        return words.subList(1, words.size());
    }

    private static String withoutComment(String text) {
        return String.join(" ", ShellWords.split(text));
    }

    private static int indexOf(List<DocCommand> block, String prefix, Path document, int line) {
        List<String> wanted = ShellWords.split(prefix);
        for (int i = 0; i < block.size(); i++) {
            List<String> args = block.get(i).plain();
            if (args.size() >= wanted.size() && args.subList(0, wanted.size()).equals(wanted)) {
                return i;
            }
        }
        throw new IllegalStateException(document + ":" + line + ": \"output of " + prefix
                + "\" matches no command of the bash block above it");
    }

    private static List<String> trimmed(List<String> body) {
        List<String> lines = new ArrayList<>(body.stream().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.getFirst().isBlank()) {
            lines.removeFirst();
        }
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        return lines;
    }
}
