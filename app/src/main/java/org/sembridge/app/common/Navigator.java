package org.sembridge.app.common;

/// Switches the workbench to another page, e.g. from a bad query in the search page to the
/// alignment inspector. Implemented by the shell; a no-op in ViewModel tests.
@FunctionalInterface
public interface Navigator {

    /// A navigator that stays where it is.
    Navigator NONE = pageId -> { };

    /// Shows the page with `pageId` (`models`, `runs`, `inspector`, `map`, `search`); unknown ids
    /// are ignored.
    void showPage(String pageId);
}
