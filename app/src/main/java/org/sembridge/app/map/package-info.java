/// The embedding-map page (issue 6 item 5): a 2-D map of the current run's tokens, fluid at
/// 20,000 points, linked to the other pages through `WorkbenchState`.
///
/// ## Data flow
///
/// ```
/// MapSettingsPane -> MapViewModel settings -> MapSettings (method, perplexity, ..., points, with sources)
///   settings change (page shown) -> MapSizeEstimator: RunMapProjector.count on an engine thread
///         -> "3,234 points (2,000 targets + 1,234 sources) · t-SNE about 12 s" (MapCostModel rates)
///   runMap() -> MapProjection -> TaskRunner (engine thread):
///       1. RunMapProjector.count(LoadedRun, MapRequest)   engine RunMapping.select: no vector read
///       FX thread: MapSizeEstimator.allows: above 50,000 points DialogService.confirm (count, time);
///                  "no" ends the request, the map shown stays
///       2. RunMapProjector.project(MapPointCount, progress, cancel)
///         engine workflow RunMapping.project (the service `sembridge project` uses: check the
///         points, read adapted-space vectors, project, quality figures + neighbour lists)
///         -> MapLayout.of(ProjectedMap, targetCount)   flat coordinates, PointGrid, links, categories
///         MapStageTimes (per progress stage) -> MapCostModel.calibrated: the rates of the next estimate
///   FX thread: MapViewModel sets the layout and resets MapViewportState, MapSelection, MapLasso;
///              a cancelled or failed run leaves the previous layout
/// search box -> MapSearch -> MapSearchMatcher.find (token text, regex, English source)
///              -> MapSearchResult: dims the rest, rings + labels the matches, fits them in view
/// selection -> MapNeighbourhood: k nearest in the original space and on the map (MapNeighbours)
/// MapCanvas: gestures -> MapViewModel (zoomAt, panBy, hoverAt, clickAt, lassoScreen)
///              -> MapViewportState / MapSelection / MapLasso
///            MapViewModel properties changed -> dirty flag -> one MapRenderer.draw per pulse
/// ```
///
/// ## Key classes
///
/// - [MapViewModel]: the facade the views, the app and the tests use (session part `map`). It
///   owns the shown [MapLayout] and keeps the parts below in step when a map arrives or the
///   current run changes; every other command delegates to one part. No scene-graph types;
///   gestures arrive as pixel coordinates and become map units through the [ViewTransform] of
///   the current [MapViewport]. Its parts, one job each (package-private):
///   - `MapSettings`: the projection settings, the colour mode, and their session JSON.
///   - `MapProjection`: the running projection (latest request wins), progress, cancel, and the
///     status line.
///   - `MapViewportState`: viewport, canvas size, zoom and pan, picking the point under a pixel,
///     the viewport's session JSON.
///   - `MapSelection`: hover, selection and its links, the two-way link to the workbench's
///     selected token.
///   - `MapLasso`: the lasso selection, its export and inspector hand-off, the outline's
///     session JSON.
///   - `MapSearch`: the search box's query and mode, its [MapSearchResult] on the shown map
///     (`MapSearchMatcher`, `O(n + links)` per keystroke), fitting the matches in view and
///     stepping through them.
///   - `MapNeighbourhood`: the selected point's `k` nearest neighbours by original distance and
///     by map distance ([MapNeighbourRow]; both from the engine's `MapNeighbours`, kept by the
///     quality pass, so selecting costs nothing).
///   - `MapSizeEstimator`: the points control's count and expected time, and the size guard
///     (confirm above `CONFIRM_ABOVE_POINTS` = 50,000); the time comes from `MapCostModel`
///     (`passes n^2 d` vector pairs + `n^2` map pairs + the method's layout work), whose rates
///     each finished map re-measures from its progress stages (`MapStageTimes`).
///   The saved viewport and lasso wait in their parts and apply to the next map made.
///   Nothing is projected unless asked for (Run, Ctrl+Enter, a session restore): visiting the
///   page or switching runs starts no projection. Each open run keeps its last map, viewport and
///   lasso while another run is current; a projection running at a switch is abandoned.
/// - [MapLayout]: the finished map as flat arrays, with [PointGrid] (nearest point in about
///   constant time, exactly as a linear scan would answer, ties to the lowest index), links per
///   point heaviest first, a colour category per point for each [ColourMode], and the one-line
///   summary the page shows.
/// - [MapViewport] (centre in map units + zoom over the fitted view; independent of the canvas
///   size, so sessions restore it anywhere) and [ViewTransform] (pixels <-> map units).
/// - [LassoPolygon] (even-odd rule) and [LassoSelection]; [LegendEntry] (the legend of a map
///   in a colour mode) and [MapLinkRow].
/// - View: [MapView] composes [MapSettingsPane], `MapCanvas` (canvas, gestures, hover label,
///   `AnimationTimer` + dirty flag), `MapRenderer` (points rasterised into an ARGB buffer, then
///   links, rings, labels and the lasso through the `GraphicsContext`), `MapLabelPlacer` (label
///   decluttering: greedy, in priority order selection > its linked points > search matches >
///   any point when at most 150 are in view; six spots per label; no two labels overlap; the
///   selection is always named), [MapSidePanel] (search box, legend, selection links, the two
///   neighbour lists side by side, lasso list) and [MapPalette] (light and dark, chosen from the
///   root's `theme-dark` class because canvas pixels cannot use CSS look-ups). In presentation
///   mode (`presentation` on the root) labels, rings and link lines are drawn 1.5 times larger,
///   and labels have a halo of the background colour so they read over points and links.
///
/// ## Invariants
///
/// - Point order is the engine's: target points first (`MapLayout.targetCount()`), then sources;
///   links go from a target to its sources with the alignment weight.
/// - Only target tokens enter `WorkbenchState.selectedTokenProperty()` (by stored string); a
///   clicked source point is selected on the map only and lists the targets built from it.
/// - A new map replaces the old one only on success; runs are numbered and callbacks of a
///   superseded run are ignored, so the latest request wins.
/// - Changing the current run keeps the old run's map and shows the new run's kept map, if any;
///   no projection starts by itself (while the page is visible, the points preview only counts
///   the points of the setting, a select without vectors).
///
/// ## Cost
///
/// Building a `MapLayout` is `O(n + links)`. A hover query visits a few grid cells (about
/// 1.4 µs at 20,000 points); a frame costs `O(visible points x 21 pixels + canvas pixels)`,
/// measured at a median of 5-10 ms for 20,000 points on a 932 x 718 canvas with the software
/// pipeline (`MapViewGuiTest` prints it). The projection itself is the engine's (see
/// `org.sembridge.engine.projection`).
package org.sembridge.app.map;
