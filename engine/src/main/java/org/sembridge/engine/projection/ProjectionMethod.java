package org.sembridge.engine.projection;

/// The ways a set of high-dimensional vectors is laid out on a plane.
public enum ProjectionMethod {

    /// Principal component analysis: the two directions of largest variance. Linear, exact,
    /// deterministic; keeps global distances, loses local neighbourhoods.
    PCA("PCA"),

    /// Barnes-Hut t-SNE (van der Maaten 2014): keeps local neighbourhoods, distorts distances
    /// between clusters.
    TSNE("t-SNE"),

    /// UMAP (McInnes, Healy and Melville 2018): keeps local neighbourhoods and more of the global
    /// arrangement than t-SNE.
    UMAP("UMAP");

    private final String displayName;

    ProjectionMethod(String displayName) {
        this.displayName = displayName;
    }

    /// The name shown to users and written to files: `PCA`, `t-SNE`, `UMAP`.
    public String displayName() {
        return displayName;
    }
}
