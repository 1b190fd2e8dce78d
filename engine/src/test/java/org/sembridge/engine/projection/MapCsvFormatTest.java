package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.AtomicFiles;

class MapCsvFormatTest {

    @TempDir
    Path temp;

    @Test
    void pointsSurviveAWriteReadRoundTrip() throws Exception {
        List<MapPoint> points = List.of(
                new MapPoint("plain", 1, "source", "en", "", 1.5f, -2.25f),
                new MapPoint("a,b", 2, "source", "en", "overlap", 0.1f, 1e-7f),
                new MapPoint("say \"hi\"", 3, "target", "ko", "new", -0f, Float.MAX_VALUE),
                new MapPoint("two\nlines", 4, "target", "ko", "new", 3f, 4f),
                new MapPoint("서울", 5, "target", "ko", "new", 123456.78f, -0.001f),
                new MapPoint("नमस्ते", 6, "target", "hi", "new", 1f, 2f),
                new MapPoint("", 7, "", "", "", 0f, 0f));
        Path file = temp.resolve("map.csv");

        MapCsvFormat.write(file, points);

        assertEquals(points, MapCsvFormat.read(file));
    }

    @Test
    void writtenFieldsAreQuotedOnlyWhenNeeded() throws Exception {
        Path file = temp.resolve("map.csv");

        MapCsvFormat.write(file, List.of(new MapPoint("a,\"b\"", 1, "source", "en", "", 1f, 2f),
                new MapPoint("plain", 2, "source", "en", "", 0.5f, -1f)));

        assertEquals("token,id,space,language,kind,x,y\n\"a,\"\"b\"\"\",1,source,en,,1.0,2.0\nplain,2,source,en,,0.5,-1.0\n",
                Files.readString(file));
    }

    @Test
    void columnsAreFoundByNameAndExtraColumnsIgnored() throws Exception {
        Path file = write("\uFEFFx,cluster,y,token,kind,language,space,id\r\n"
                + "1.5,7,2.5,\"hello, world\",new,en,source,42\r\n\r\n");

        assertEquals(List.of(new MapPoint("hello, world", 42, "source", "en", "new", 1.5f, 2.5f)),
                MapCsvFormat.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad id | token,id,space,language,kind,x,y\\na,1,s,en,k,1,2\\nb,one,s,en,k,1,2\\n | :3: column 'id' must be an integer; found 'one'",
        "bad x | token,id,space,language,kind,x,y\\nb,1,s,en,k,left,2\\n | :2: column 'x' must be a number; found 'left'",
        "NaN y | token,id,space,language,kind,x,y\\nb,1,s,en,k,1,NaN\\n | :2: column 'y' must be finite; found 'NaN'",
        "short line | token,id,space,language,kind,x,y\\nb,1,s,en\\n | :2: expected at least 7 fields, found 4",
        "missing column | token,id,space,language,x,y\\n | :1: the header has no column 'kind'",
        "open quote | token,id,space,language,kind,x,y\\n\"b,1,s,en,k,1,2\\n | :2: a quoted field is not closed",
        "stray quote | token,id,space,language,kind,x,y\\nb\"c,1,s,en,k,1,2\\n | :2: a double quote inside an unquoted field",
        "text after quote | token,id,space,language,kind,x,y\\n\"b\"c,1,s,en,k,1,2\\n | :2: expected a comma or a line end",
        "empty file | '' | : the file is empty"})
    void badFilesNameTheFileAndLine(String problem, String content, String expected) throws Exception {
        Path file = write(content.replace("\\n", "\n"));

        InputFormatException e = assertThrows(InputFormatException.class, () -> MapCsvFormat.read(file));

        assertEquals(true, e.getMessage().startsWith(file + expected), e.getMessage());
    }

    @Test
    void invalidUtf8IsAnInputError() throws Exception {
        Path file = temp.resolve("latin1.csv");
        AtomicFiles.write(file, out -> out.write("token,id,space,language,kind,x,y\nS\u00e9oul,1,s,en,k,1,2\n"
                .getBytes(StandardCharsets.ISO_8859_1)));

        InputFormatException e = assertThrows(InputFormatException.class, () -> MapCsvFormat.read(file));

        assertEquals(file + ": the file is not valid UTF-8", e.getMessage());
    }

    @Test
    void recordOfAMillionCharactersIsRefusedNamingItsLine() throws Exception {
        Path file = write("token,id,space,language,kind,x,y\na,1,s,en,k,1,2\n\"" + "x".repeat(1 << 20) + "\",2,s,en,k,1,2\n");

        InputFormatException e = assertThrows(InputFormatException.class, () -> MapCsvFormat.read(file));

        assertEquals(true, e.getMessage().startsWith(file + ":3: a record longer than 1048576 characters"),
                e.getMessage());
    }

    private Path write(String content) throws Exception {
        Path file = temp.resolve("input.csv");
        AtomicFiles.writeString(file, content);
        return file;
    }
}
