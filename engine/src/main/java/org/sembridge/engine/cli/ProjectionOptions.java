package org.sembridge.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.projection.ProjectionSetting;
import org.sembridge.engine.projection.ProjectionSettingCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/// The projection options of `sembridge project` (`--perplexity`, `--neighbours`, ...), generated
/// from the projection settings' descriptors ([ProjectionSettingCatalog]): one option per
/// distinct [ProjectionSetting#option()], its help made from each method's range and default.
///
/// picocli applies it as the command's model transformer; [#parameters] reads the values back.
public final class ProjectionOptions implements CommandLine.IModelTransformer {

    private final ProjectionSettingCatalog catalog;

    /// The options of the standard catalog (what picocli instantiates).
    public ProjectionOptions() {
        this(ProjectionSettingCatalog.standard());
    }

    /// The options of `catalog` (tests add a setting to the standard catalog with it).
    public ProjectionOptions(ProjectionSettingCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec transform(CommandSpec spec) {
        catalog.byOption().forEach((option, owners) -> spec.addOption(OptionSpec.builder(option)
                .paramLabel(owners.getFirst().setting().valueLabel())
                .type(javaType(option, owners))
                .description(description(owners))
                .build()));
        return spec;
    }

    /// The parameters of `method` with the options given on `spec`'s command line; an option
    /// that only other methods have is a usage error (`--perplexity does not apply to PCA`).
    ProjectionParameters parameters(CommandSpec spec, ProjectionMethod method) {
        return ProjectionParameters.of(method, values(spec, method));
    }

    /// The values given for `method`'s settings, by setting name (absent ones are left out).
    Map<String, Number> values(CommandSpec spec, ProjectionMethod method) {
        Map<String, Number> values = new LinkedHashMap<>();
        catalog.byOption().forEach((option, owners) -> {
            Number value = spec.findOption(option).getValue();
            if (value == null) {
                return;
            }
            ProjectionSetting own = owners.stream().filter(o -> o.method() == method)
                    .map(ProjectionSettingCatalog.Owned::setting).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(),
                            option + " does not apply to " + method.displayName()));
            values.put(own.name(), value);
        });
        return values;
    }

    /// The help of one option: `t-SNE perplexity (> 1 and below (points - 1) / 3). Default: 30.`;
    /// for an option with different settings per method, each with its range and default:
    /// `t-SNE iterations (>= 250, default 1000) or UMAP epochs (>= 10, default 500).`
    static String description(List<ProjectionSettingCatalog.Owned> owners) {
        Map<String, List<ProjectionSettingCatalog.Owned>> groups = owners.stream().collect(Collectors.groupingBy(
                o -> o.setting().name() + "=" + o.setting().defaultText(), LinkedHashMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        for (List<ProjectionSettingCatalog.Owned> group : groups.values()) {
            ProjectionSetting setting = group.getFirst().setting();
            List<String> names = group.stream().map(o -> o.method().displayName()).toList();
            String methods = names.size() == 1 ? names.getFirst()
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
            String range = String.join(", ", nonEmpty(setting.range(), setting.unit()));
            if (groups.size() == 1) {
                return methods + " " + setting.help() + (range.isEmpty() ? "" : " (" + range + ")") + ". Default: "
                        + setting.defaultText() + ".";
            }
            List<String> details = new ArrayList<>(nonEmpty(setting.range(), setting.unit()));
            details.add("default " + setting.defaultText());
            parts.add(methods + " " + setting.help() + " (" + String.join(", ", details) + ")");
        }
        return String.join(" or ", parts) + ".";
    }

    private static List<String> nonEmpty(String... texts) {
        return java.util.Arrays.stream(texts).filter(t -> !t.isEmpty()).toList();
    }

    private static Class<?> javaType(String option, List<ProjectionSettingCatalog.Owned> owners) {
        List<ProjectionSetting.Kind> kinds = owners.stream().map(o -> o.setting().kind()).distinct().toList();
        if (kinds.size() != 1) {
            throw new IllegalStateException(option + " is shared by settings of different kinds: " + kinds);
        }
        return switch (kinds.getFirst()) {
            case INTEGER -> Integer.class;
            case REAL -> Double.class;
            case SEED -> Long.class;
        };
    }
}
