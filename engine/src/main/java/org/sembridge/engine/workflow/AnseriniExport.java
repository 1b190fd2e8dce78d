package org.sembridge.engine.workflow;

import java.nio.file.Path;
import java.util.Optional;

/// A published Anserini export ([IndexExport#toAnserini]).
///
/// @param documents document vectors written
/// @param documentsFile the `JsonVectorCollection` file, in the published folder
/// @param scale integer weight = `round(w x scale)`
/// @param queries topics written (0 without a queries file)
/// @param queriesFile the pre-tokenized topics file, when queries were exported
public record AnseriniExport(long documents, Path documentsFile, double scale, int queries,
        Optional<Path> queriesFile) {
}
