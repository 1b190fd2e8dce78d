package org.sembridge.app.models;

/// The three models a SemBridge run needs, each with the card title and a hint for the user.
public enum ModelRole {
    SOURCE("Source encoder", "English SPLADE-style sparse encoder: a *ForMaskedLM folder (config.json, model.safetensors, tokenizer.json)"),
    TARGET("Target tokenizer", "Target-language tokenizer: a folder with tokenizer.json or vocab.txt, or the tokenizer.json file"),
    BRIDGE("Bridge encoder", "Multilingual sentence encoder (sentence-transformers folder, e.g. bge-m3)");

    private final String title;
    private final String hint;

    ModelRole(String title, String hint) {
        this.title = title;
        this.hint = hint;
    }

    public String title() {
        return title;
    }

    public String hint() {
        return hint;
    }
}
