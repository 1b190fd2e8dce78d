package org.sembridge.app.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The fonts the workbench ships (`org/sembridge/app/fonts/`): subsets of Noto Sans, Noto Sans
/// CJK KR, Noto Sans Arabic and Noto Sans Devanagari, regular and bold, under the SIL Open Font
/// License 1.1 (`NOTICE-fonts.md` next to them; made by `docs/tools/subset_fonts.py`). They
/// cover every character of the sample vocabularies (2,350 Hangul syllables, 3,757 hanzi,
/// Arabic, Devanagari, Cyrillic), so the sample languages render on a machine that has no CJK or
/// Indic font installed (a bare Debian has only DejaVu).
///
/// Loaded once, before the first scene: `workbench.css` names the families in its
/// `-fx-font-family` list, and JavaFX falls back from the first family to the loaded ones for
/// characters the first lacks.
public final class BundledFonts {

    private static final Logger LOG = LoggerFactory.getLogger(BundledFonts.class);
    private static final String FOLDER = "/org/sembridge/app/fonts/";

    /// The bundled font files, in fallback order.
    public static final List<String> FILES = List.of(
            "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
            "NotoSansCJKkr-Regular.otf", "NotoSansCJKkr-Bold.otf",
            "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf",
            "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf");

    private static List<String> loadedFamilies;

    private BundledFonts() {
    }

    /// Loads the bundled fonts (once per JVM; later calls return the same list) and returns the
    /// family names JavaFX registered. A file that cannot be read is logged and skipped: the
    /// workbench then uses the system's fonts for that script.
    public static synchronized List<String> load() {
        if (loadedFamilies == null) {
            List<String> families = new ArrayList<>();
            for (String file : FILES) {
                try (InputStream in = BundledFonts.class.getResourceAsStream(FOLDER + file)) {
                    Font font = in == null ? null : Font.loadFont(in, 13);
                    if (font == null) {
                        LOG.warn("The bundled font {} could not be loaded; that script uses the system's fonts", file);
                    } else if (!families.contains(font.getFamily())) {
                        families.add(font.getFamily());
                    }
                } catch (IOException e) {
                    LOG.warn("The bundled font {} could not be read: {}", file, e.getMessage());
                }
            }
            loadedFamilies = List.copyOf(families);
            LOG.debug("Bundled font families {}", loadedFamilies);
        }
        return loadedFamilies;
    }
}
