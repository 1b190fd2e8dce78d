/// Workbench infrastructure shared by every feature: [TaskRunner] (engine work off the FX
/// thread, with progress and cancel), [DialogService] (dialogs behind an interface), [Formats]
/// (numbers with units).
///
/// Nothing here knows a feature; ViewModels depend on these interfaces, never on JavaFX scene
/// classes, so they are tested with inline runners and fake dialogs.
package org.sembridge.app.common;
