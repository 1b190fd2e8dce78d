package org.sembridge.engine.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The settings of every projection method ([ProjectionSetting] descriptors, in display order),
/// from which the `project` command's options and the map page's controls are generated.
///
/// [#standard()] holds each parameter record's own list ([TsneParameters#SETTINGS],
/// [UmapParameters#SETTINGS]; PCA has none). [#with] adds a setting, e.g. to see a new
/// descriptor reach both front-ends in a test before its record exists.
///
/// @param settings the settings of each method; every method has an entry
public record ProjectionSettingCatalog(Map<ProjectionMethod, List<ProjectionSetting>> settings) {

    /// Copies the map; every method must have a (possibly empty) list.
    public ProjectionSettingCatalog {
        EnumMap<ProjectionMethod, List<ProjectionSetting>> copy = new EnumMap<>(ProjectionMethod.class);
        for (ProjectionMethod method : ProjectionMethod.values()) {
            List<ProjectionSetting> list = settings.get(method);
            if (list == null) {
                throw new IllegalArgumentException("no settings list for " + method);
            }
            copy.put(method, List.copyOf(list));
        }
        settings = java.util.Collections.unmodifiableMap(copy);
    }

    /// The settings the parameter records declare.
    public static ProjectionSettingCatalog standard() {
        return new ProjectionSettingCatalog(Map.of(ProjectionMethod.PCA, PcaParameters.SETTINGS,
                ProjectionMethod.TSNE, TsneParameters.SETTINGS, ProjectionMethod.UMAP, UmapParameters.SETTINGS));
    }

    /// The settings of `method`, in display order.
    public List<ProjectionSetting> of(ProjectionMethod method) {
        return settings.get(method);
    }

    /// This catalog with `extra` added at the end of `method`'s settings.
    public ProjectionSettingCatalog with(ProjectionMethod method, ProjectionSetting extra) {
        Map<ProjectionMethod, List<ProjectionSetting>> copy = new EnumMap<>(settings);
        List<ProjectionSetting> list = new ArrayList<>(copy.get(method));
        list.add(extra);
        copy.put(method, list);
        return new ProjectionSettingCatalog(copy);
    }

    /// The methods that have a setting named `name`, in enum order.
    public List<ProjectionMethod> methodsWith(String name) {
        return settings.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> s.name().equals(name)))
                .map(Map.Entry::getKey).toList();
    }

    /// One descriptor per setting name (the first method's), settings of one method first and
    /// settings several methods share (the seed) after them, each group in method order: the
    /// order of the workbench's controls.
    public List<ProjectionSetting> distinctByName() {
        Map<String, ProjectionSetting> byName = new LinkedHashMap<>();
        settings.values().forEach(list -> list.forEach(s -> byName.putIfAbsent(s.name(), s)));
        List<ProjectionSetting> ordered = new ArrayList<>(byName.values());
        ordered.sort(Comparator.comparingInt(s -> methodsWith(s.name()).size() > 1 ? 1 : 0));
        return ordered;
    }

    /// The settings behind each command-line option, options in order of first use (methods in
    /// enum order); one option may carry several methods' settings.
    public Map<String, List<Owned>> byOption() {
        Map<String, List<Owned>> options = new LinkedHashMap<>();
        settings.forEach((method, list) -> list.forEach(s -> options.computeIfAbsent(s.option(), o -> new ArrayList<>())
                .add(new Owned(method, s))));
        return options;
    }

    /// A setting with the method that declares it.
    ///
    /// @param method the method
    /// @param setting its setting
    public record Owned(ProjectionMethod method, ProjectionSetting setting) {
    }
}
