package org.sembridge.engine.projection;

/// The ways a set of high-dimensional vectors is laid out on a plane.
public enum ProjectionMethod {

    /// Principal component analysis: the two directions of largest variance. Linear, exact,
    /// deterministic; keeps global distances, loses local neighbourhoods.
    PCA("PCA", "linear and instant, keeps global distances"),

    /// Barnes-Hut t-SNE (van der Maaten 2014): keeps local neighbourhoods, distorts distances
    /// between clusters.
    TSNE("t-SNE", "local neighbourhoods"),

    /// UMAP (McInnes, Healy and Melville 2018): keeps local neighbourhoods and more of the global
    /// arrangement than t-SNE.
    UMAP("UMAP", "local neighbourhoods and more global shape");

    private final String displayName;
    private final String summary;

    ProjectionMethod(String displayName, String summary) {
        this.displayName = displayName;
        this.summary = summary;
    }

    /// The name shown to users and written to files: `PCA`, `t-SNE`, `UMAP`.
    public String displayName() {
        return displayName;
    }

    /// What the method keeps, in a few words for the workbench's method chooser, e.g. `local
    /// neighbourhoods`.
    public String summary() {
        return summary;
    }
}
