package org.sembridge.app.models;

/// One labelled value on a model card, e.g. `layers` -> `2 (hidden 128, 4 heads)`.
public record CardField(String name, String value) {
}
