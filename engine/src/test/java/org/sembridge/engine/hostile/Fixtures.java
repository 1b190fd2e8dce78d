package org.sembridge.engine.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.sembridge.engine.cli.SemBridgeCli;
import org.sembridge.engine.run.TransferFixtures;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.safetensors.SafetensorsWriter;
import org.sembridge.engine.safetensors.TensorInfo;

/// The pristine inputs of the hostile-input harness, made once per run under the scratch root
/// from the real sample inputs: `sample-models/` (the English SPLADE encoder, the bridge, a
/// target tokenizer), `assets/` (the English demo corpus, queries, qrels, the concept lexicon,
/// the demo experiment), plus what the CLI makes of them in the test (a two-shard copy of the
/// encoder, an index, a TREC run, and a run folder made by `init`).
///
/// They go to the [ScratchRoot]'s `pristine/` folder.
public final class Fixtures {

    /// Lays out a scratch root at `root` (emptied first) with every pristine input made from
    /// the repository `repo`.
    public static ScratchRoot create(Path root, Path repo) throws IOException {
        ScratchRoot scratch = ScratchRoot.create(root);
        new Fixtures(scratch, repo).build();
        return scratch;
    }

    private final ScratchRoot scratch;
    private final Path repo;

    private Fixtures(ScratchRoot scratch, Path repo) {
        this.scratch = scratch;
        this.repo = repo;
    }

    private void build() throws IOException {
        Path pristine = scratch.pristine("");
        Path samples = repo.resolve("sample-models");
        copyTree(samples.resolve("splade-tiny-en"), pristine.resolve("splade"));
        copyTree(samples.resolve("bridge-tiny-multi"), pristine.resolve("bridge-sample"));
        nestedBridge(pristine.resolve("bridge-sample"), pristine.resolve("bridge-nested"));
        shard(pristine.resolve("splade"), pristine.resolve("sharded"));
        Path ko = samples.resolve("tokenizers").resolve("ko");
        Files.createDirectories(pristine.resolve("vocab-ko"));
        for (String name : List.of("vocab.txt", "tokenizer_config.json", "special_tokens_map.json")) {
            Files.copy(ko.resolve(name), pristine.resolve("vocab-ko").resolve(name));
        }
        Path demo = repo.resolve("assets").resolve("demo").resolve("en");
        Files.copy(demo.resolve("corpus.jsonl"), pristine.resolve("corpus.jsonl"));
        corpusVariants(pristine);
        Files.copy(demo.resolve("queries.tsv"), pristine.resolve("queries.tsv"));
        queriesAsJsonLines(pristine);
        Files.copy(demo.resolve("qrels.txt"), pristine.resolve("qrels.txt"));
        Path lexicon = repo.resolve("assets").resolve("lexicon").resolve("concepts.tsv");
        Files.copy(lexicon, pristine.resolve("concepts.tsv"));
        museLexicon(lexicon, pristine.resolve("muse-en-ko.txt"));
        experimentConfig(pristine.resolve("experiment.json"));
        stSource(pristine);
        index(pristine);
        runFolder(pristine);
    }

    private static void nestedBridge(Path bridge, Path nested) throws IOException {
        Path transformer = nested.resolve("0_Transformer");
        Files.createDirectories(transformer);
        try (Stream<Path> files = Files.list(bridge)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (Files.isDirectory(file)) {
                    copyTree(file, nested.resolve(name));
                } else if (name.equals("modules.json") || name.equals("config_sentence_transformers.json")) {
                    Files.copy(file, nested.resolve(name));
                } else {
                    Files.copy(file, transformer.resolve(name));
                }
            }
        }
        Path modules = nested.resolve("modules.json");
        Files.writeString(modules, Files.readString(modules).replaceFirst("\"path\":\\s*\"\"", "\"path\": \"0_Transformer\""));
    }

    /// Splits the sample encoder's tensors over two shards with a `model.safetensors.index.json`.
    private static void shard(Path single, Path sharded) throws IOException {
        Files.createDirectories(sharded);
        try (Stream<Path> files = Files.list(single)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("model.safetensors")) {
                    Files.copy(file, sharded.resolve(file.getFileName()));
                }
            }
        }
        JsonObject weightMap = new JsonObject();
        try (SafetensorsFile file = SafetensorsFile.open(single.resolve("model.safetensors"))) {
            List<TensorInfo> tensors = file.tensors();
            SafetensorsWriter[] writers = {new SafetensorsWriter(), new SafetensorsWriter()};
            String[] names = {"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"};
            for (int i = 0; i < tensors.size(); i++) {
                TensorInfo tensor = tensors.get(i);
                int shard = i < tensors.size() / 2 ? 0 : 1;
                writers[shard].add(tensor.name(), tensor.dtype(), tensor.shape(), file.readRawBytes(tensor.name()));
                weightMap.addProperty(tensor.name(), names[shard]);
            }
            for (int shard = 0; shard < 2; shard++) {
                writers[shard].write(sharded.resolve(names[shard]));
            }
        } catch (org.sembridge.engine.ModelFormatException e) {
            throw new IOException(e);
        }
        JsonObject index = new JsonObject();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("total_size", Files.size(single.resolve("model.safetensors")));
        index.add("metadata", metadata);
        index.add("weight_map", weightMap);
        Files.writeString(sharded.resolve("model.safetensors.index.json"), index.toString());
    }

    private static void corpusVariants(Path pristine) throws IOException {
        List<String> tsv = new ArrayList<>();
        StringBuilder small = new StringBuilder();
        List<String> lines = Files.readAllLines(pristine.resolve("corpus.jsonl"));
        for (int i = 0; i < lines.size(); i++) {
            JsonObject doc = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            String title = doc.has("title") ? doc.get("title").getAsString() : "";
            tsv.add(doc.get("id").getAsString() + "\t" + doc.get("text").getAsString() + "\t" + title);
            if (i < 12) {
                small.append(lines.get(i)).append('\n');
            }
        }
        Files.writeString(pristine.resolve("corpus.tsv"), String.join("\n", tsv) + "\n");
        Files.writeString(pristine.resolve("small-corpus.jsonl"), small);
        Files.write(pristine.resolve("corpus.jsonl.gz"), GzipMutations.gzip(Files.readAllBytes(pristine.resolve("corpus.jsonl"))));
        Files.write(pristine.resolve("small-corpus.jsonl.gz"), GzipMutations.gzip(small.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void queriesAsJsonLines(Path pristine) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (String line : Files.readAllLines(pristine.resolve("queries.tsv"))) {
            String[] fields = line.split("\t", 2);
            JsonObject query = new JsonObject();
            query.addProperty("id", fields[0]);
            query.addProperty("text", fields[1]);
            jsonl.append(query).append('\n');
        }
        Files.writeString(pristine.resolve("queries.jsonl"), jsonl);
    }

    private static void museLexicon(Path concepts, Path muse) throws IOException {
        List<String> lines = Files.readAllLines(concepts);
        List<String> header = List.of(lines.getFirst().split("\t"));
        int en = header.indexOf("en");
        int ko = header.indexOf("ko");
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            if (fields.length > Math.max(en, ko)) {
                out.append(fields[en]).append(' ').append(fields[ko]).append('\n');
            }
        }
        Files.writeString(muse, out);
    }

    /// The demo experiment with every path made absolute (a case copies the file elsewhere).
    private void experimentConfig(Path target) throws IOException {
        Path experiments = repo.resolve("assets").resolve("experiments");
        String text = Files.readString(experiments.resolve("demo.json"));
        text = text.replace("\"../../", "\"" + repo.toAbsolutePath().normalize() + "/")
                .replace("\"../demo/", "\"" + repo.resolve("assets").resolve("demo").toAbsolutePath().normalize() + "/");
        Files.writeString(target, text);
    }

    /// A small sentence-transformers `*ForMaskedLM` source for `init` cases (random weights),
    /// with its bridge and target tokenizer.
    private void stSource(Path pristine) throws IOException {
        Path source = TransferFixtures.source(pristine, "st-source", "bert");
        Files.writeString(source.resolve("modules.json"), """
                [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                 {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]
                """);
        Files.createDirectories(source.resolve("1_Pooling"));
        Files.writeString(source.resolve("1_Pooling").resolve("config.json"),
                "{\"word_embedding_dimension\": 32, \"pooling_mode_cls_token\": true}\n");
        Files.writeString(source.resolve("sentence_bert_config.json"), "{\"max_seq_length\": 32}\n");
        TransferFixtures.bridge(pristine);
        TransferFixtures.targetTokenizer(pristine);
    }

    private void index(Path pristine) {
        cli("index", "--model", pristine.resolve("splade").toString(), "--corpus",
                pristine.resolve("corpus.jsonl").toString(), "--index", pristine.resolve("index").toString(),
                "--device", "cpu");
        cli("eval", "--index", pristine.resolve("index").toString(), "--queries",
                pristine.resolve("queries.tsv").toString(), "--qrels", pristine.resolve("qrels.txt").toString(),
                "--run", pristine.resolve("trec.run").toString());
    }

    private void runFolder(Path pristine) {
        cli("init", "--source", pristine.resolve("st-source").toString(), "--target-tokenizer",
                pristine.resolve("target-tokenizer").toString(), "--bridge", pristine.resolve("bridge").toString(),
                "--device", "cpu", "--cache", scratch.cache().toString(), "--out", pristine.resolve("run").toString());
    }

    /// Runs the CLI in-process and checks that it succeeded.
    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SemBridgeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, () -> String.join(" ", args) + ": " + err);
        return out.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
