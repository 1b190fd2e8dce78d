package org.sembridge.app.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// What the models page shows for one [ModelRole]: the folder, a headline, the described fields,
/// or the error that loading it produced.
///
/// @param role which model this is
/// @param path the folder or file loaded; `null` while nothing is chosen
/// @param headline one line, e.g. `bert · 0.91 M parameters · 3,356 tokens`
/// @param fields the details, in display order
/// @param error the specific message when loading failed, else `null`
public record ModelCard(ModelRole role, Path path, String headline, List<CardField> fields, String error) {

    public ModelCard {
        fields = List.copyOf(fields);
    }

    /// The card of a role with nothing loaded yet.
    public static ModelCard empty(ModelRole role) {
        return new ModelCard(role, null, "Not loaded", List.of(), null);
    }

    /// The card of a role whose loading failed.
    public static ModelCard failed(ModelRole role, Path path, String message) {
        return new ModelCard(role, path, "Could not load", List.of(), message);
    }

    /// This card with `field` appended.
    public ModelCard withField(CardField field) {
        List<CardField> more = new ArrayList<>(fields);
        more.add(field);
        return new ModelCard(role, path, headline, more, error);
    }

    public boolean isLoaded() {
        return path != null && error == null;
    }
}
