package org.sembridge.app.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.engine.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Walks the real workbench through a list of [Shot]s and writes each as a PNG of the window's
/// scene: the README's screenshots (`docs/screenshots/take-screenshots.sh` starts the workbench
/// under Xvfb with `--screenshots=DIR`). Before each shot it runs the shot's setup (show a page,
/// select a token, type a query), then waits until no background task has run for a settle
/// period, so pages that compute on first show (a map, an index) are finished. Logs what the
/// [LayoutAudit] finds in each shot (cut, overlapping or off-window text). Exits the
/// application when done.
public final class ScreenshotTour {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);
    private static final Duration SETTLE = Duration.seconds(1.5);
    private static final int MAX_WAITS = 400;

    /// One screenshot: the PNG's base name and what to do before taking it (FX thread).
    public record Shot(String name, Runnable setup) {
    }

    private final Scene scene;
    private final FxTaskRunner tasks;
    private final Path folder;
    private final Deque<Shot> remaining;
    private int waits;

    public ScreenshotTour(Scene scene, FxTaskRunner tasks, Path folder, List<Shot> shots) {
        this.scene = scene;
        this.tasks = tasks;
        this.folder = folder.toAbsolutePath().normalize();
        this.remaining = new ArrayDeque<>(shots);
    }

    /// Starts the tour once the tasks started at launch (models, demo runs) are finished.
    public void start() {
        whenIdle(this::next);
    }

    private void next() {
        Shot shot = remaining.pollFirst();
        if (shot == null) {
            LOG.info("Screenshots written to {}", folder);
            Platform.exit();
            return;
        }
        shot.setup().run();
        whenIdle(() -> {
            write(shot.name());
            LayoutAudit.audit(scene.getRoot()).forEach(finding -> LOG.warn("Layout of {}: {}", shot.name(), finding));
            next();
        });
    }

    /// Runs `action` after the task list has stayed empty for [#SETTLE] (capped at
    /// `MAX_WAITS` settle periods, so a stuck task cannot hang the script).
    private void whenIdle(Runnable action) {
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(e -> {
            if (tasks.runningTasks().isEmpty() || ++waits > MAX_WAITS) {
                waits = 0;
                action.run();
            } else {
                whenIdle(action);
            }
        });
        pause.play();
    }

    private void write(String name) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(),
                IntBuffer.wrap(pixels), width);
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        buffered.setRGB(0, 0, width, height, pixels, 0, width);
        Path file = folder.resolve(name + ".png");
        try {
            AtomicFiles.write(file, out -> ImageIO.write(buffered, "png", out));
            LOG.info("Screenshot {} ({} x {} px)", file, width, height);
        } catch (IOException e) {
            LOG.error("Could not write the screenshot {}", file, e);
        }
    }
}
