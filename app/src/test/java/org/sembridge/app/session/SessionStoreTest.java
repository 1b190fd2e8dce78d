package org.sembridge.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.shell.ShellViewModel;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.LoadedRun;

/// The session file, without a toolkit: every field survives a round trip, writes are atomic,
/// and each kind of bad file or field is reported with the file, the field and what was found
/// while the rest is restored.
class SessionStoreTest {

    @TempDir
    Path folder;

    private final SessionStore store = new SessionStore();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    /// A workbench state and the shell's view-model as session parts, opening runs inline.
    private final class Parts {
        final WorkbenchState state;
        final ShellViewModel shell = new ShellViewModel();

        Parts() throws IOException {
            state = new WorkbenchState(Workspace.open(folder.resolve("workspace")));
        }

        List<SessionPart> list() {
            return List.of(shell, new WorkbenchStatePart(state, new DirectTaskRunner(), dialogs,
                    dir -> LoadedRun.open(dir, SampleRuns.store())));
        }
    }

    @Test
    void everyFieldSurvivesARoundTrip() throws Exception {
        Parts saved = new Parts();
        OpenRun sembridge = OpenRun.of(SampleRuns.korean("sembridge"));
        OpenRun mean = OpenRun.of(SampleRuns.korean("mean"));
        saved.state.openRun(sembridge);
        saved.state.openRun(mean);
        saved.state.currentRunProperty().set(sembridge);
        saved.state.selectedTokenProperty().set("▁집");
        saved.state.focusProperty().set(new TokenFocus("query 12: 2 tokens", List.of("▁집", "다")));
        saved.state.bookmarks().addAll(Set.of("▁집", "##다"));
        saved.state.notes().putAll(Map.of("▁집", "good: \"house\"", "다", "ending\nsecond line"));
        saved.shell.currentPageProperty().set("inspector");
        saved.shell.darkThemeProperty().set(true);
        saved.shell.presentationProperty().set(true);
        Path file = SessionStore.fileOf(folder, "demo");

        assertEquals(List.of(), store.save(file, saved.list()));
        Parts restored = new Parts();
        List<String> problems = store.restore(file, restored.list());

        assertEquals(List.of(), problems);
        assertEquals(List.of(sembridge.run().directory(), mean.run().directory()),
                restored.state.runs().stream().map(run -> run.run().directory()).toList());
        assertEquals(sembridge.run().directory(), restored.state.currentRunProperty().get().run().directory());
        assertEquals("▁집", restored.state.selectedTokenProperty().get());
        assertEquals(saved.state.focusProperty().get(), restored.state.focusProperty().get());
        assertEquals(saved.state.bookmarks(), restored.state.bookmarks());
        assertEquals(saved.state.notes(), restored.state.notes());
        assertEquals("inspector", restored.shell.currentPageProperty().get());
        assertTrue(restored.shell.darkThemeProperty().get());
        assertTrue(restored.shell.presentationProperty().get());
    }

    @Test
    void restoringRunsMakesOnlyTheSavedCurrentRunCurrent() throws Exception {
        Parts saved = new Parts();
        OpenRun sembridge = OpenRun.of(SampleRuns.korean("sembridge"));
        saved.state.openRun(sembridge);
        saved.state.openRun(OpenRun.of(SampleRuns.korean("mean")));
        saved.state.currentRunProperty().set(sembridge);
        Path file = SessionStore.fileOf(folder, "current");
        store.save(file, saved.list());
        Parts restored = new Parts();
        List<Path> madeCurrent = new ArrayList<>();
        restored.state.currentRunProperty().addListener((obs, old, now) -> {
            if (now != null) {
                madeCurrent.add(now.run().directory());
            }
        });

        assertEquals(List.of(), store.restore(file, restored.list()));

        assertEquals(List.of(sembridge.run().directory()), madeCurrent);
        assertEquals(2, restored.state.runs().size());
    }

    @Test
    void theFileCarriesItsFormatNameAndVersion() throws Exception {
        Path file = SessionStore.fileOf(folder, "demo");
        store.save(file, new Parts().list());

        SavedSession session = store.read(file);

        assertEquals(SessionStore.VERSION, session.version());
        assertTrue(Files.readString(file).contains("\"format\": \"" + SessionStore.FORMAT + "\""));
        assertTrue(session.part("shell").isPresent() && session.part("workbench").isPresent());
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileAndKeepsWhatWasThere() throws Exception {
        Path out = Files.createDirectories(folder.resolve("out"));
        Path target = SessionStore.fileOf(out, "blocked");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.txt"), "kept");

        assertThrows(IOException.class, () -> store.save(target, new Parts().list()));

        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals("kept", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void aMissingRunFolderIsNamedAndTheRestIsRestored() throws Exception {
        Path missing = folder.resolve("runs").resolve("moved-away");
        Path present = SampleRuns.korean("sembridge").directory();
        Path file = write("missing-run", session("""
                "workbench": {"runs": ["%s", "%s"], "currentRun": "%s", "selectedToken": "▁집",
                              "bookmarks": ["▁집"], "notes": {"▁집": "kept"}},
                "shell": {"page": "map", "theme": "dark"}
                """.formatted(json(missing), json(present), json(present))));
        Parts parts = new Parts();

        List<String> problems = store.restore(file, parts.list());

        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.getFirst();
        assertTrue(problem.contains(file.toString()) && problem.contains("part 'workbench'")
                && problem.contains("runs[0]") && problem.contains(missing.toString()), problem);
        assertEquals(List.of(present), parts.state.runs().stream().map(run -> run.run().directory()).toList());
        assertEquals(present, parts.state.currentRunProperty().get().run().directory());
        assertEquals("▁집", parts.state.selectedTokenProperty().get());
        assertEquals(Set.of("▁집"), parts.state.bookmarks());
        assertEquals(Map.of("▁집", "kept"), parts.state.notes());
        assertTrue(parts.shell.darkThemeProperty().get());
    }

    @Test
    void relativeRunFoldersResolveAgainstTheSessionFileNotTheWorkingFolder() throws Exception {
        Path present = SampleRuns.korean("sembridge").directory().toAbsolutePath().normalize();
        Path file = SessionStore.fileOf(folder, "relative");
        String relative = file.toAbsolutePath().getParent().relativize(present).toString();
        write("relative", session("""
                "workbench": {"runs": ["%s"], "currentRun": "%s"}
                """.formatted(json(Path.of(relative)), json(Path.of(relative)))));
        Parts parts = new Parts();

        List<String> problems = store.restore(file, parts.list());

        assertEquals(List.of(), problems);
        assertEquals(List.of(present), parts.state.runs().stream().map(run -> run.run().directory()).toList());
        assertEquals(present, parts.state.currentRunProperty().get().run().directory());
    }

    @Test
    void malformedJsonIsReportedWithFileLineAndColumn() throws Exception {
        Path file = write("broken", """
                {"format": "sembridge-workbench-session",
                 "version": 1,
                 "parts": {"shell": {"page": }}}
                """);

        InputFormatException error = assertThrows(InputFormatException.class, () -> store.read(file));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("line 3 column"), error.getMessage());
    }

    @Test
    void aNewerFormatVersionIsRefusedWithAClearMessage() throws Exception {
        Path file = write("future", """
                {"format": "sembridge-workbench-session", "version": 7, "parts": {}}
                """);

        InputFormatException error = assertThrows(InputFormatException.class, () -> store.read(file));

        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("format version 7")
                && error.getMessage().contains("newer"), error.getMessage());
    }

    static Stream<Arguments> badEnvelopes() {
        return Stream.of(
                Arguments.of("[1, 2]", "expected a JSON object at the top, found a list of 2"),
                Arguments.of("{\"version\": 1, \"parts\": {}}", "field 'format' should be \"sembridge-workbench-session\", found nothing"),
                Arguments.of("{\"format\": \"other\", \"version\": 1, \"parts\": {}}", "found the string \"other\""),
                Arguments.of("{\"format\": \"sembridge-workbench-session\", \"version\": \"one\", \"parts\": {}}",
                        "field 'version' should be a whole number, found the string \"one\""),
                Arguments.of("{\"format\": \"sembridge-workbench-session\", \"version\": 0, \"parts\": {}}",
                        "field 'version' should be 1 to 1, found 0"),
                Arguments.of("{\"format\": \"sembridge-workbench-session\", \"version\": 1, \"parts\": []}",
                        "field 'parts' should be an object, found a list of 0"),
                Arguments.of("", "is empty"));
    }

    @ParameterizedTest
    @MethodSource("badEnvelopes")
    void aFileThatIsNotASessionNamesTheFileAndTheField(String content, String expected) throws Exception {
        Path file = write("bad", content);

        Exception error = assertThrows(Exception.class, () -> store.read(file));

        assertTrue(error instanceof InputFormatException, error.toString());
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void fieldsOfTheWrongTypeAreNamedAndTheOtherFieldsRestored() throws Exception {
        Path file = write("wrong-types", session("""
                "shell": {"page": "search", "theme": "purple", "presentation": "yes"},
                "workbench": {"bookmarks": [1, "▁집"], "notes": {"▁집": 5, "다": "kept"}}
                """));
        Parts parts = new Parts();

        List<String> problems = store.restore(file, parts.list());

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("part 'shell'")
                && problems.get(0).contains("theme: expected \"light\" or \"dark\", found \"purple\"")
                && problems.get(0).contains("presentation: expected true or false, found the string \"yes\""), problems.get(0));
        assertTrue(problems.get(1).contains("bookmarks[0]: expected a string, found the number 1")
                && problems.get(1).contains("notes.▁집: expected a string, found the number 5"), problems.get(1));
        assertEquals("search", parts.shell.currentPageProperty().get());
        assertFalse(parts.shell.darkThemeProperty().get());
        assertEquals(Set.of("▁집"), parts.state.bookmarks());
        assertEquals(Map.of("다", "kept"), parts.state.notes());
    }

    @Test
    void partsMissingFromTheFileKeepTheirState() throws Exception {
        Path file = write("only-shell", session("\"shell\": {\"page\": \"runs\"}"));
        Parts parts = new Parts();
        parts.state.bookmarks().add("▁집");
        parts.state.selectedTokenProperty().set("다");

        assertEquals(List.of(), store.restore(file, parts.list()));

        assertEquals(Set.of("▁집"), parts.state.bookmarks());
        assertEquals("다", parts.state.selectedTokenProperty().get());
        assertNull(parts.state.focusProperty().get());
    }

    @Test
    void invalidUtf8IsReportedWithFileAndLine() throws Exception {
        Path file = SessionStore.fileOf(folder, "latin1");
        Files.write(file, session("\"shell\": {\"page\": \"caf\u00e9\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        InputFormatException error = assertThrows(InputFormatException.class, () -> store.read(file));

        assertTrue(error.getMessage().startsWith("session file " + file) && error.getMessage().contains("line 1")
                && error.getMessage().contains("UTF-8"), error.getMessage());
    }

    @Test
    void aFolderInPlaceOfTheSessionFileIsNamed() throws Exception {
        Path file = Files.createDirectories(SessionStore.fileOf(folder, "folder"));

        InputFormatException error = assertThrows(InputFormatException.class, () -> store.read(file));

        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("is a folder"),
                error.getMessage());
    }

    @Test
    void aRunPathThatIsNoPathIsAProblemOfThatFieldAndTheRestIsRestored() throws Exception {
        Path file = write("nul", session("""
                "workbench": {"runs": ["a\\u0000b"], "currentRun": "c\\u0000d", "bookmarks": ["kept"]}
                """));
        Parts parts = new Parts();

        List<String> problems = store.restore(file, parts.list());

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("runs[0]: not a path") && problems.getFirst().contains("currentRun: not a path"),
                problems.getFirst());
        assertEquals(Set.of("kept"), parts.state.bookmarks());
    }

    @Test
    void aRunListedTwiceIsOpenedOnce() throws Exception {
        Path present = SampleRuns.korean("mean").directory();
        WorkbenchState state = new WorkbenchState(Workspace.open(folder.resolve("workspace")));
        List<Path> opened = new ArrayList<>();
        WorkbenchStatePart part = new WorkbenchStatePart(state, new DirectTaskRunner(), dialogs, dir -> {
            opened.add(dir);
            return LoadedRun.open(dir, SampleRuns.store());
        });

        part.restore(com.google.gson.JsonParser.parseString("{\"runs\": [\"%s\", \"%s\", \"%s\"]}"
                .formatted(json(present), json(present), json(present))));

        assertEquals(List.of(present), opened);
        assertEquals(List.of(present), state.runs().stream().map(run -> run.run().directory()).toList());
    }

    private Path write(String name, String content) throws IOException {
        Path file = SessionStore.fileOf(folder, name);
        Files.writeString(file, content);
        return file;
    }

    private static String session(String parts) {
        return "{\"format\": \"sembridge-workbench-session\", \"version\": 1, \"parts\": {" + parts + "}}";
    }

    private static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }

    @Test
    void aSessionFileOfTheFirstFormatVersionStillRestores() throws Exception {
        Path file = folder.resolve("old.session.json");
        try (var in = getClass().getResourceAsStream("/formats/workbench-v1.session.json")) {
            Files.copy(in, file);
        }
        Parts restored = new Parts();

        SavedSession session = store.read(file);
        List<String> problems = store.apply(session, restored.list());

        assertEquals(1, session.version());
        assertEquals("2026-12-06T20:58:14.267727294Z", session.savedAt());
        assertEquals(Set.of("shell", "workbench", "runs", "inspector", "map", "search"), session.parts().keySet());
        assertEquals(Set.of("##en", "katze"), Set.copyOf(restored.state.bookmarks()));
        assertEquals(Map.of("katze", "good: \"cat\""), Map.copyOf(restored.state.notes()));
        assertEquals(new TokenFocus("query 12: 2 tokens", List.of("katze", "hund")),
                restored.state.focusProperty().get());
        assertEquals("models", restored.shell.currentPageProperty().get());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("/nonexistent-sembridge-fixture/runs/sembridge"), problems.toString());
    }
}
