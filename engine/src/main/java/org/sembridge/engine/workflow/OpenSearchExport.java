package org.sembridge.engine.workflow;

import java.nio.file.Path;

/// A published OpenSearch export ([IndexExport#toOpenSearch]).
///
/// @param documents documents written
/// @param indexName the target index named in the bulk action lines
/// @param bulkFile the `_bulk` body, in the published folder
/// @param mappingFile the index mapping, in the published folder
public record OpenSearchExport(long documents, String indexName, Path bulkFile, Path mappingFile) {
}
