package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class MapImageRendererTest {

    @TempDir
    Path temp;

    @Test
    void jointMapIsWrittenAsAPngOfTheRequestedSize() throws Exception {
        ProjectedMap map = EmbeddingMapper.project(JointMaps.input(120, 21), new UmapParameters(10, 0.1, 200, 3),
                ProgressListener.NONE, CancellationToken.create());
        Path file = temp.resolve("map.png");

        MapImageRenderer.writePng(file, MapImageRenderer.render(map,
                new MapImageOptions(1200, 800, Set.of(0, 1, 2, 120, 121, 122, 123, 150, 151))));

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(800, image.getHeight());
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(file), files.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void everyLanguageGetsItsPaletteColour() throws Exception {
        List<MapPoint> points = List.of(new MapPoint("a", 1, "source", "en", "", 0f, 0f),
                new MapPoint("b", 2, "source", "en", "", 1f, 1f), new MapPoint("c", 3, "target", "ko", "", 0f, 1f));

        BufferedImage image = MapImageRenderer.render(points, List.of(), "title", "subtitle",
                new MapImageOptions(600, 400, Set.of()));

        assertTrue(containsColourNear(image, MapImageRenderer.PALETTE.get(0).getRGB()), "largest language: blue");
        assertTrue(containsColourNear(image, MapImageRenderer.PALETTE.get(1).getRGB()), "second: vermillion");
    }

    @Test
    void titleNamesMethodSizeAndQuality() {
        ProjectedMap map = new ProjectedMap(List.of(new MapPoint("a", 1, "s", "en", "", 0f, 0f)), List.of(),
                TsneParameters.defaults(), new MapQuality(10, 0.9123, new LinkedNeighbourShare(10, 5, 0.8, 0.6)), 1);

        assertEquals("t-SNE map of 1 points", MapImageRenderer.title(map));
        assertEquals("trustworthiness@10 = 0.912   ·   linked source among 10 nearest: 80% original, 60% map   ·   "
                + "perplexity 30, iterations 1000, learning rate 200, seed 42", MapImageRenderer.subtitle(map));
    }

    /// Whether some pixel is within a small distance of `rgb` after alpha blending on white.
    private static boolean containsColourNear(BufferedImage image, int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        double alpha = 0.78;
        int er = (int) Math.round(alpha * r + (1 - alpha) * 255);
        int eg = (int) Math.round(alpha * g + (1 - alpha) * 255);
        int eb = (int) Math.round(alpha * b + (1 - alpha) * 255);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xFF) - er) <= 3 && Math.abs(((p >> 8) & 0xFF) - eg) <= 3
                        && Math.abs((p & 0xFF) - eb) <= 3) {
                    return true;
                }
            }
        }
        return false;
    }
}
