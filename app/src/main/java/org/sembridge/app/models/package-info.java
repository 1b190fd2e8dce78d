/// The models page: choose the source encoder, the target tokenizer and the bridge by folder
/// (dialog, drag and drop, a recent list per card), see a card per model (family, sizes, vocabulary, dtype,
/// decoder tying), and pick the device with the reason when there is no GPU.
///
/// [ModelsViewModel] holds the state and commands and is toolkit-free; [ModelsView] builds and
/// binds the nodes; [ModelCards] turns the engine's `workflow.ModelInspection` descriptions
/// (model, tokenizer, content hash) into cards with units. The page imports no engine package
/// below the workflow layer except `run.DeviceChoice`.
package org.sembridge.app.models;
