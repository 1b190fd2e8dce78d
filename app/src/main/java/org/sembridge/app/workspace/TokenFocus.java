package org.sembridge.app.workspace;

import java.util.List;

/// A named group of target tokens other pages should focus on: the tokens of a badly ranked
/// query (search page), a lasso selection (map). The inspector filters its table to them.
///
/// @param label what the filter chip shows, e.g. `query 12: 7 tokens`
/// @param tokens target tokens as stored in the run (`▁집`, `##다`)
public record TokenFocus(String label, List<String> tokens) {

    public TokenFocus {
        tokens = List.copyOf(tokens);
    }
}
