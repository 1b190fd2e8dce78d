/// The models page: choose the source encoder, the target tokenizer and the bridge by folder
/// (dialog, drag and drop, recent list), see a card per model (family, sizes, vocabulary, dtype,
/// decoder tying), and pick the device with the reason when there is no GPU.
///
/// [ModelsViewModel] holds the state and commands and is toolkit-free; [ModelsView] builds and
/// binds the nodes.
package org.sembridge.app.models;
