package org.sembridge.app.search;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.index.DocumentVector;
import org.sembridge.engine.index.Posting;
import org.sembridge.engine.index.TermPostings;
import org.sembridge.engine.index.TermStatistics;
import org.sembridge.engine.workflow.IndexBrowser;

/// The search page's index browser (Luke's view of an index): the open index's tokens by document
/// frequency with their weight statistics, the postings of a token (documents with the exact and
/// the indexed weight), a document by id with its whole vector, and a jump from a token to the
/// inspector. Everything comes from the engine's [IndexBrowser] on the index the page keeps open.
///
/// The token table is read only when asked ([#loadTokens()]: the view asks when the user opens
/// the browser), since it reads every document vector once; a replaced index empties the browser.
/// The latest request of each kind wins. Toolkit-free; engine work goes through the [TaskRunner].
public final class IndexBrowserViewModel {

    /// Postings listed per token: the heaviest documents.
    public static final int POSTINGS = IndexBrowser.DEFAULT_POSTINGS;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final IndexViewModel index;
    private final InspectorJump inspector;

    private final ObservableList<TermStatistics> allTokens = FXCollections.observableArrayList();
    private final FilteredList<TermStatistics> tokens = new FilteredList<>(allTokens);
    private final StringProperty tokenFilter = new SimpleStringProperty(this, "tokenFilter", "");
    private final ReadOnlyStringWrapper tokensStatus = new ReadOnlyStringWrapper(this, "tokensStatus",
            "Open an index to browse its tokens");
    private final ReadOnlyBooleanWrapper loadingTokens = new ReadOnlyBooleanWrapper(this, "loadingTokens");
    private final ObservableList<Posting> postings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TermPostings> shownPostings = new ReadOnlyObjectWrapper<>(this, "postings");
    private final ReadOnlyStringWrapper postingsStatus = new ReadOnlyStringWrapper(this, "postingsStatus",
            "Select a token to see its postings");
    private final StringProperty documentId = new SimpleStringProperty(this, "documentId", "");
    private final ObservableList<DocumentVector.Entry> vector = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DocumentVector> shownDocument = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyStringWrapper documentStatus = new ReadOnlyStringWrapper(this, "documentStatus",
            "Give a document id, or double-click a posting");

    private OpenIndex loadedFrom;
    private long tokensGeneration;
    private long postingsGeneration;
    private long documentGeneration;

    IndexBrowserViewModel(TaskRunner tasks, DialogService dialogs, IndexViewModel index, InspectorJump inspector) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.index = index;
        this.inspector = inspector;
        tokenFilter.addListener((obs, old, now) -> applyFilter());
    }

    /// The runner its work goes through (the view ranks the token table's columns on it).
    public TaskRunner tasks() {
        return tasks;
    }

    /// The index's tokens that pass [#tokenFilterProperty()], by descending document frequency.
    public ObservableList<TermStatistics> tokens() {
        return tokens;
    }

    /// Keeps the tokens containing this text (ignoring case and the `▁`/`##` markers); blank keeps all.
    public StringProperty tokenFilterProperty() {
        return tokenFilter;
    }

    /// One line on the token table: how many tokens, documents and postings, or why none.
    public ReadOnlyStringProperty tokensStatusProperty() {
        return tokensStatus.getReadOnlyProperty();
    }

    /// Whether the token table is being read.
    public ReadOnlyBooleanProperty loadingTokensProperty() {
        return loadingTokens.getReadOnlyProperty();
    }

    /// The heaviest postings of the token shown, by descending exact weight.
    public ObservableList<Posting> postings() {
        return postings;
    }

    /// The postings shown (token and document frequency); `null` when none.
    public ReadOnlyObjectProperty<TermPostings> shownPostingsProperty() {
        return shownPostings.getReadOnlyProperty();
    }

    /// One line on the postings: the token, how many documents hold it, how many are listed.
    public ReadOnlyStringProperty postingsStatusProperty() {
        return postingsStatus.getReadOnlyProperty();
    }

    /// The document id [#showDocument()] reads.
    public StringProperty documentIdProperty() {
        return documentId;
    }

    /// The shown document's whole vector, heaviest token first.
    public ObservableList<DocumentVector.Entry> vector() {
        return vector;
    }

    /// The document shown; `null` when none.
    public ReadOnlyObjectProperty<DocumentVector> shownDocumentProperty() {
        return shownDocument.getReadOnlyProperty();
    }

    /// One line on the document: id, title, tokens and weight sum, or why none.
    public ReadOnlyStringProperty documentStatusProperty() {
        return documentStatus.getReadOnlyProperty();
    }

    /// Reads the open index's token table (once per index; every document vector is read, so it
    /// runs only when the user opens the browser).
    public void loadTokens() {
        OpenIndex open = index.open();
        if (open == null) {
            tokensStatus.set(index.preparing() ? "The index is being prepared…" : "Open or build an index first");
            return;
        }
        if (open == loadedFrom || loadingTokens.get()) {
            return;
        }
        long generation = ++tokensGeneration;
        loadingTokens.set(true);
        tokensStatus.set("Reading the tokens of " + open.entry().name() + "…");
        tasks.run("Reading the tokens of " + open.entry().name(),
                (progress, cancel) -> open.browser().terms(progress, cancel),
                table -> {
                    if (generation != tokensGeneration) {
                        return;
                    }
                    loadingTokens.set(false);
                    loadedFrom = open;
                    showTokens(table);
                },
                error -> {
                    if (generation == tokensGeneration) {
                        loadingTokens.set(false);
                        tokensStatus.set("Could not read the tokens");
                        dialogs.showError("Could not read the tokens of " + open.entry().name(), error);
                    }
                });
    }

    /// Lists the heaviest postings of `token` (as the index stores it).
    public void showPostings(String token) {
        OpenIndex open = index.open();
        if (open == null || token == null || token.isBlank()) {
            return;
        }
        long generation = ++postingsGeneration;
        tasks.run("Reading the postings of " + token, (progress, cancel) -> open.browser().postings(token, POSTINGS),
                found -> {
                    if (generation != postingsGeneration) {
                        return;
                    }
                    shownPostings.set(found.orElse(null));
                    postings.setAll(found.map(TermPostings::postings).orElse(List.of()));
                    postingsStatus.set(found.map(p -> String.format(Locale.ROOT, "%s: in %s documents · the %d heaviest,"
                            + " exact | indexed (9-bit) weight", p.token(), Formats.count(p.documentFrequency()),
                            p.postings().size())).orElse(token + " is in no document of this index"));
                },
                error -> dialogs.showError("Could not read the postings of " + token, error));
    }

    /// Shows the document [#documentIdProperty()] names with its whole vector.
    public void showDocument() {
        showDocument(documentId.get());
    }

    /// Shows document `docId` with its whole vector (and puts the id in [#documentIdProperty()]).
    public void showDocument(String docId) {
        OpenIndex open = index.open();
        String id = docId == null ? "" : docId.strip();
        if (open == null) {
            documentStatus.set("Open or build an index first");
            return;
        }
        if (id.isEmpty()) {
            documentStatus.set("Give a document id");
            return;
        }
        documentId.set(id);
        long generation = ++documentGeneration;
        tasks.run("Reading document " + id, (progress, cancel) -> open.browser().document(id),
                document -> {
                    if (generation != documentGeneration) {
                        return;
                    }
                    shownDocument.set(document);
                    vector.setAll(document.entries());
                    documentStatus.set(String.format(Locale.ROOT, "%s%s · %d tokens, exact weight sum %.3f",
                            document.docId(), document.title().isBlank() ? "" : " \"" + document.title() + "\"",
                            document.entries().size(), document.exactSum()));
                },
                error -> {
                    if (generation == documentGeneration) {
                        shownDocument.set(null);
                        vector.clear();
                        if (error instanceof InputFormatException) {
                            // an unknown id is a typing slip, not a failure: say it on the line
                            documentStatus.set(error.getMessage());
                        } else {
                            documentStatus.set("Could not read document " + id);
                            dialogs.showError("Could not read document " + id, error);
                        }
                    }
                });
    }

    /// Shows `token` in the inspector: focuses it on that one token (label `index token ▁집`),
    /// selects it and switches to the inspector.
    public void showInInspector(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        inspector.select(token);
        inspector.focus("index token " + token, List.of(token));
    }

    /// Empties the browser: the index it showed was replaced or closed.
    void clear() {
        tokensGeneration++;
        postingsGeneration++;
        documentGeneration++;
        loadedFrom = null;
        loadingTokens.set(false);
        allTokens.clear();
        postings.clear();
        vector.clear();
        shownPostings.set(null);
        shownDocument.set(null);
        tokensStatus.set("Open the browser to read the tokens of the open index");
        postingsStatus.set("Select a token to see its postings");
        documentStatus.set("Give a document id, or double-click a posting");
    }

    /// Shows `table` as the token table (what [#loadTokens()] read; tests give a table of their own).
    void showTokens(List<TermStatistics> table) {
        allTokens.setAll(table);
        applyFilter();
    }

    private void applyFilter() {
        String filter = normalised(tokenFilter.get());
        tokens.setPredicate(filter.isEmpty() ? null : term -> normalised(term.token()).contains(filter));
        if (loadedFrom != null) {
            long postingsTotal = allTokens.stream().mapToLong(TermStatistics::documentFrequency).sum();
            tokensStatus.set(String.format(Locale.ROOT, "%s tokens%s · %s documents · %s postings",
                    Formats.count(allTokens.size()),
                    filter.isEmpty() ? "" : " (" + Formats.count(tokens.size()) + " shown)",
                    Formats.count(loadedFrom.entry().documentCount()), Formats.count(postingsTotal)));
        }
    }

    private static String normalised(String token) {
        return token == null ? "" : token.strip().replace("▁", "").replace("##", "").toLowerCase(Locale.ROOT);
    }
}
