package org.sembridge.app.search;

import java.util.List;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;

/// The search page's link to the inspector: hands it a labelled set of target tokens and switches
/// to it, or selects one token in the workbench so the inspector and the map show it.
final class InspectorJump {

    private final WorkbenchState state;
    private final Navigator navigator;

    InspectorJump(WorkbenchState state, Navigator navigator) {
        this.state = state;
        this.navigator = navigator;
    }

    /// Focuses the inspector on `tokens` (stored strings) under `label` and switches to it.
    void focus(String label, List<String> tokens) {
        state.focusProperty().set(new TokenFocus(label, tokens));
        navigator.showPage("inspector");
    }

    /// Selects `token` (stored string) in the workbench; the page stays.
    void select(String token) {
        state.selectedTokenProperty().set(token);
    }
}
