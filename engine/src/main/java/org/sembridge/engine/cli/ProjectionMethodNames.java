package org.sembridge.engine.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sembridge.engine.projection.ProjectionMethod;

/// The command line's names of the projection methods, read from [ProjectionMethod] so that a new
/// constant is accepted by `project --method` and `bench project --methods` without a switch to
/// extend: a method's name is its constant in lower case (`pca`, `tsne`, `umap`); parsing ignores
/// case, surrounding blanks and hyphens (`t-SNE` is `tsne`).
final class ProjectionMethodNames {

    private ProjectionMethodNames() {
    }

    /// The command-line name of `method`, e.g. `tsne`.
    static String of(ProjectionMethod method) {
        return method.name().toLowerCase(Locale.ROOT);
    }

    /// The method named `text`, or empty when no method has that name.
    static Optional<ProjectionMethod> parse(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT).replace("-", "");
        return Arrays.stream(ProjectionMethod.values()).filter(m -> of(m).equals(name)).findFirst();
    }

    /// Every name in enum order, for messages: `pca, tsne or umap`.
    static String listed() {
        List<String> names = Arrays.stream(ProjectionMethod.values()).map(ProjectionMethodNames::of).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /// Every name in enum order as alternatives, for a usage line: `pca|tsne|umap`.
    static String alternatives() {
        return String.join("|", Arrays.stream(ProjectionMethod.values()).map(ProjectionMethodNames::of).toList());
    }
}
