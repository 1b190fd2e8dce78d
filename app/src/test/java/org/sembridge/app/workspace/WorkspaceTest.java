package org.sembridge.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The workspace folder: created with its sub-folders on first use, refused with the folder
/// named when a file is in the way.
class WorkspaceTest {

    @Test
    void openingAMissingFolderCreatesRunsIndexesAndSessions(@TempDir Path temp) throws IOException {
        Workspace workspace = Workspace.open(temp.resolve("new-workspace"));
        assertTrue(Files.isDirectory(workspace.runs()));
        assertTrue(Files.isDirectory(workspace.indexes()));
        assertTrue(Files.isDirectory(workspace.sessions()));
        assertEquals(temp.resolve("new-workspace").toAbsolutePath().normalize(), workspace.root());
    }

    @Test
    void aFileWhereASubFolderBelongsIsNamedInTheError(@TempDir Path temp) throws IOException {
        Files.createDirectories(temp.resolve("ws"));
        Files.writeString(temp.resolve("ws").resolve("runs"), "not a folder");
        IOException error = assertThrows(IOException.class, () -> Workspace.open(temp.resolve("ws")));
        assertTrue(error.getMessage().contains(temp.resolve("ws").resolve("runs").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("expected a folder"), error.getMessage());
        assertTrue(Files.isRegularFile(temp.resolve("ws").resolve("runs")), "the file is left untouched");
    }
}
