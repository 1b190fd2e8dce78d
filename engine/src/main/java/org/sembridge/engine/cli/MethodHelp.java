package org.sembridge.engine.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.transfer.baseline.TransferMethod;
import picocli.CommandLine;

/// The transfer methods as the help of `init` and `experiment` shows them, read from
/// [InitializerRegistry] each time help is printed, so a registered method appears without an
/// edit here: the method names for `${COMPLETION-CANDIDATES}` (this class is the option's
/// `completionCandidates`) and a "Methods:" section with each method's description and needs.
final class MethodHelp implements Iterable<String> {

    /// The key of the help section.
    static final String SECTION_KEY = "methods";
    private static final int LINE_WIDTH = 80;

    /// The registered method names, in registry order.
    @Override
    public Iterator<String> iterator() {
        return InitializerRegistry.names().iterator();
    }

    /// Adds the "Methods:" section to `command`'s help, before the footer.
    static void addTo(CommandLine command) {
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        int footer = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
        keys.add(footer < 0 ? keys.size() : footer, SECTION_KEY);
        command.setHelpSectionKeys(keys);
        command.getHelpSectionMap().put(SECTION_KEY, help -> section());
    }

    /// `Methods:` and one entry per method, its description wrapped at 80 columns:
    /// `  sembridge  SemBridge: ... (reads alpha; needs a bridge)`.
    static String section() {
        List<TransferMethod> methods = InitializerRegistry.methods();
        int width = methods.stream().mapToInt(method -> method.name().length()).max().orElse(0);
        String indent = " ".repeat(width + 3);
        StringBuilder text = new StringBuilder(System.lineSeparator()).append("Methods:").append(System.lineSeparator());
        for (TransferMethod method : methods) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s ", method.name()));
            for (String word : (method.description() + " (" + needs(method) + ")").split(" ")) {
                if (line.length() + 1 + word.length() > LINE_WIDTH && line.length() > indent.length() + 1) {
                    text.append(line).append(System.lineSeparator());
                    line = new StringBuilder(indent);
                }
                line.append(' ').append(word);
            }
            text.append(line).append(System.lineSeparator());
        }
        return text.toString();
    }

    /// What the method reads besides the source model: `reads alpha; needs a bridge`, `no bridge`.
    static String needs(TransferMethod method) {
        List<String> needs = new ArrayList<>();
        if (method.readsAlpha()) {
            needs.add("reads alpha");
        }
        needs.add(method.needsBridgeVectors() ? "needs a bridge" : "no bridge");
        return String.join("; ", needs);
    }
}
