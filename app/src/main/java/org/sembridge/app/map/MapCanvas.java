package org.sembridge.app.map;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import org.sembridge.app.common.ThemeClasses;

/// The map's drawing surface: a `Canvas` that fills its pane, redrawn at most once per pulse and
/// only when something it shows changed (a dirty flag checked by an `AnimationTimer`), plus the
/// pointer and keyboard gestures, which it turns into [MapViewModel] commands.
///
/// Gestures: wheel zooms around the pointer; drag pans; Shift+drag (or any drag in lasso mode)
/// draws a lasso; a click selects the nearest point within 8 px; hovering shows the point's
/// token, language and kind in a floating label. Keys (canvas focused): 0 resets the view, + and
/// - zoom around the centre, L toggles lasso mode, Delete clears the lasso.
final class MapCanvas {

    /// Pointer travel (pixels) below which a press and release count as a click, not a drag.
    static final double CLICK_SLOP = 4;
    /// How much larger labels, rings and link lines are drawn in presentation mode (the
    /// theme's own font scale), so they read on a projector.
    static final double PRESENTATION_SCALE = 1.5;

    private final MapViewModel viewModel;
    private final Pane pane = new Pane();
    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    private final MapRenderer renderer = new MapRenderer();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty) {
                drawNow();
            }
        }
    };
    private final ListChangeListener<String> themeListener = change -> usePalette(change.getList());
    private LongConsumer frameListener = nanos -> { };
    private Consumer<MapPalette> paletteListener = newPalette -> { };
    private MapPalette palette = MapPalette.LIGHT;
    private double overlayScale = 1;
    private Parent themedRoot;
    private boolean dirty = true;
    private long frames;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean lassoing;
    private double[] lassoPath = new double[0];
    private int lassoLength;

    MapCanvas(MapViewModel viewModel) {
        this.viewModel = viewModel;
        pane.setId("mapCanvasPane");
        pane.getStyleClass().add("map-canvas");
        pane.setMinSize(0, 0);
        pane.setPrefSize(800, 600);
        canvas.setId("mapCanvas");
        canvas.setManaged(false);
        canvas.setFocusTraversable(true);
        hoverLabel.setId("mapHoverLabel");
        hoverLabel.getStyleClass().add("map-hover");
        hoverLabel.setManaged(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setVisible(false);
        pane.getChildren().addAll(canvas, hoverLabel);
        pane.widthProperty().addListener(this::resized);
        pane.heightProperty().addListener(this::resized);
        for (Observable shown : new Observable[] {viewModel.layoutProperty(), viewModel.viewportProperty(),
                viewModel.colourModeProperty(), viewModel.hoveredProperty(), viewModel.selectedProperty(),
                viewModel.lassoProperty(), viewModel.searchResultProperty()}) {
            shown.addListener(o -> markDirty());
        }
        viewModel.hoveredProperty().addListener((obs, old, now) -> showHover(now.intValue()));
        pane.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                pulse.stop();
            } else {
                followTheme(scene.getRoot());
                markDirty();
                pulse.start();
            }
        });
        installGestures();
    }

    /// The pane to put in the page.
    Node node() {
        return pane;
    }

    /// Draws the current state now (the pulse timer calls this when something changed).
    void drawNow() {
        dirty = false;
        frames++;
        renderer.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
                viewModel.layoutProperty().get(), viewModel.transform(), palette, viewModel.colourModeProperty().get(),
                new MapRenderer.Overlay(viewModel.selectedProperty().get(), viewModel.hoveredProperty().get(),
                        viewModel.lassoProperty().get(), Arrays.copyOf(lassoPath, lassoLength),
                        viewModel.searchResultProperty().get(), overlayScale));
        frameListener.accept(renderer.lastDrawNanos());
    }

    /// The wall time of the last frame, in nanoseconds.
    long lastDrawNanos() {
        return renderer.lastDrawNanos();
    }

    /// The points inside the canvas in the last frame.
    int pointsDrawn() {
        return renderer.lastPointsDrawn();
    }

    /// Frames drawn so far (one per pulse at most, only after a change).
    long frames() {
        return frames;
    }

    /// Whether a redraw is pending.
    boolean isDirty() {
        return dirty;
    }

    /// The palette in use (follows the root's theme class).
    MapPalette palette() {
        return palette;
    }

    /// The size of labels, rings and links relative to the normal theme (follows presentation mode).
    double overlayScale() {
        return overlayScale;
    }

    /// The labels placed in the last frame.
    java.util.List<MapLabelPlacer.Placed> labelsPlaced() {
        return renderer.lastLabelsPlaced();
    }

    private void markDirty() {
        dirty = true;
    }

    private void resized(Observable ignored) {
        canvas.setWidth(Math.floor(pane.getWidth()));
        canvas.setHeight(Math.floor(pane.getHeight()));
        viewModel.setCanvasSize(canvas.getWidth(), canvas.getHeight());
        markDirty();
    }

    /// Picks the palette of `root`'s theme and follows its theme class from now on.
    private void followTheme(Parent root) {
        if (root != themedRoot) {
            if (themedRoot != null) {
                themedRoot.getStyleClass().removeListener(themeListener);
            }
            themedRoot = root;
            root.getStyleClass().addListener(themeListener);
        }
        usePalette(root.getStyleClass());
    }

    private void usePalette(java.util.Collection<? extends String> rootStyleClasses) {
        palette = MapPalette.forStyleClasses(rootStyleClasses);
        overlayScale = rootStyleClasses.contains(ThemeClasses.PRESENTATION) ? PRESENTATION_SCALE : 1;
        paletteListener.accept(palette);
        markDirty();
    }

    /// Calls `listener` with the draw time in nanoseconds after every frame.
    void onFrame(LongConsumer listener) {
        frameListener = listener;
    }

    /// Calls `listener` whenever the theme, and with it the palette, changes.
    void onPaletteChanged(Consumer<MapPalette> listener) {
        paletteListener = listener;
    }

    private void installGestures() {
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            viewModel.zoomByWheel(e.getX(), e.getY(), e.getDeltaY());
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> viewModel.hoverAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> viewModel.hoverNone());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        lassoing = e.getButton() == MouseButton.PRIMARY && (e.isShiftDown() || viewModel.lassoModeProperty().get());
        lassoLength = 0;
        if (lassoing) {
            addLassoVertex(e.getX(), e.getY());
        }
    }

    private void dragged(MouseEvent e) {
        if (lassoing) {
            addLassoVertex(e.getX(), e.getY());
            markDirty();
        } else {
            viewModel.panBy(e.getX() - lastX, e.getY() - lastY);
        }
        lastX = e.getX();
        lastY = e.getY();
        hoverLabel.setVisible(false);
    }

    private void released(MouseEvent e) {
        boolean click = Math.hypot(e.getX() - pressX, e.getY() - pressY) < CLICK_SLOP;
        if (lassoing && !click) {
            int vertices = lassoLength / 2;
            double[] xs = new double[vertices];
            double[] ys = new double[vertices];
            for (int k = 0; k < vertices; k++) {
                xs[k] = lassoPath[2 * k];
                ys[k] = lassoPath[2 * k + 1];
            }
            viewModel.lassoScreen(xs, ys);
        } else if (click && e.getButton() == MouseButton.PRIMARY) {
            viewModel.clickAt(e.getX(), e.getY());
        }
        lassoing = false;
        lassoLength = 0;
        markDirty();
    }

    private void addLassoVertex(double x, double y) {
        if (lassoLength + 2 > lassoPath.length) {
            lassoPath = Arrays.copyOf(lassoPath, Math.max(64, lassoPath.length * 2));
        }
        lassoPath[lassoLength++] = x;
        lassoPath[lassoLength++] = y;
    }

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        switch (code) {
            case DIGIT0, NUMPAD0 -> viewModel.resetView();
            case PLUS, EQUALS, ADD -> viewModel.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2,
                    MapViewportState.ZOOM_PER_NOTCH);
            case MINUS, SUBTRACT -> viewModel.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2,
                    1 / MapViewportState.ZOOM_PER_NOTCH);
            case L -> viewModel.lassoModeProperty().set(!viewModel.lassoModeProperty().get());
            case DELETE, BACK_SPACE -> viewModel.clearLasso();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void showHover(int index) {
        if (index < 0) {
            hoverLabel.setVisible(false);
            return;
        }
        hoverLabel.setText(viewModel.describePoint(index));
        ViewTransform t = viewModel.transform();
        MapLayout map = viewModel.layoutProperty().get();
        if (t == null || map == null) {
            return;
        }
        Point2D at = new Point2D(t.toScreenX(map.xs()[index]), t.toScreenY(map.ys()[index]));
        hoverLabel.autosize();
        double x = Math.min(at.getX() + 12, pane.getWidth() - hoverLabel.getWidth() - 4);
        double y = at.getY() + 12 + hoverLabel.getHeight() > pane.getHeight() ? at.getY() - 12 - hoverLabel.getHeight()
                : at.getY() + 12;
        hoverLabel.relocate(Math.max(0, x), Math.max(0, y));
        hoverLabel.setVisible(true);
    }
}
