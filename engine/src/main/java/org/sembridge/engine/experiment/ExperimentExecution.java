package org.sembridge.engine.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsReader;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildRequest;
import org.sembridge.engine.index.ModelFingerprint;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.provenance.ProvenanceRecorder;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.workflow.IndexBuilding;
import org.sembridge.engine.workflow.ModelTransfer;
import org.sembridge.engine.workflow.OpenedIndex;
import org.sembridge.engine.workflow.Ranking;
import org.sembridge.engine.workflow.RankingEvaluation;

/// One invocation of [ExperimentRunner#run]: the cells in order, holding the state they share
/// (device, collections, input hashes). Used once.
final class ExperimentExecution {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentExecution.class);

    private static final int DEPTH = ExperimentRunner.DEPTH;
    /// The progress stage reported between cells.
    private static final String STAGE = "experiment";
    /// Entries that mark a folder as an experiment folder.
    private static final Set<String> OWN_ENTRIES = Set.of(ExperimentRunner.RUNS_FOLDER,
            ExperimentRunner.INDEXES_FOLDER, ExperimentRunner.CELLS_FOLDER, ExperimentReport.JSON_FILE,
            ExperimentReport.MARKDOWN_FILE, ExperimentReport.CSV_FILE);

    private final ExperimentConfig config;
    private final Path out;
    private final ReusePolicy reuse;
    private final ModelTransfer transfers;
    private final ContentHash hashes;
    private final ProgressListener progress;
    private final CancellationToken cancel;
    private final CellRecords records;
    private final Map<Path, String> inputHashes = new HashMap<>();

    private SelectedDevice device;
    private int cellCount;
    private int cellNumber;

    ExperimentExecution(ExperimentConfig config, Path outFolder, ReusePolicy reuse, ModelTransfer transfers,
            ContentHash hashes, ProgressListener progress, CancellationToken cancel) {
        this.config = config;
        this.out = outFolder.toAbsolutePath().normalize();
        this.reuse = reuse;
        this.transfers = transfers;
        this.hashes = hashes;
        this.progress = progress;
        this.cancel = cancel;
        this.records = new CellRecords(out);
    }

    /// A collection read and hashed: what every cell of its language shares.
    private record LoadedCollection(ExperimentLanguage language, List<Topic> topics, Qrels qrels, String filesHash) {
    }

    ExperimentResult execute() throws SemBridgeException, IOException {
        requireExperimentFolder();
        device = config.device().select();
        ProvenanceRecorder recorder = ProvenanceRecorder.start(device.name(), device.reason());
        List<LoadedCollection> collections = new ArrayList<>();
        for (ExperimentLanguage language : config.languages()) {
            collections.add(load(language));
        }
        Optional<LoadedCollection> reference = config.reference().isPresent()
                ? Optional.of(load(config.reference().get())) : Optional.empty();
        List<ExperimentMethod> referenceMethods = reference.map(this::referenceMethods).orElse(List.of());
        cellCount = collections.size() * config.methods().size() + referenceMethods.size();
        long start = System.nanoTime();

        List<ExperimentCell> cells = new ArrayList<>();
        for (LoadedCollection collection : collections) {
            for (ExperimentMethod method : config.methods()) {
                cells.add(cell(collection, method));
            }
        }
        List<ExperimentCell> referenceCells = new ArrayList<>();
        for (ExperimentMethod method : referenceMethods) {
            referenceCells.add(cell(reference.get(), method));
        }
        progress.onProgress(STAGE, cellCount, cellCount);
        ExperimentResult result = new ExperimentResult(config, out, cells, referenceCells, recorder.finish());
        new ExperimentReport(result).writeTo(out);
        LOG.info("Experiment {}: {} cells ({} computed, {} reused) in {} s, tables in {}", config.file(), cellCount,
                Stream.concat(cells.stream(), referenceCells.stream()).filter(c -> !c.scoresReused()).count(),
                Stream.concat(cells.stream(), referenceCells.stream()).filter(ExperimentCell::scoresReused).count(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9), out);
        return result;
    }

    /// The source encoder, and BM25 when the reference has an analyzer.
    private List<ExperimentMethod> referenceMethods(LoadedCollection reference) {
        List<ExperimentMethod> methods = new ArrayList<>();
        methods.add(ExperimentMethod.named(ExperimentMethod.BASE));
        if (reference.language().collection().bm25Language().isPresent()) {
            methods.add(ExperimentMethod.named(ExperimentMethod.BM25));
        }
        return methods;
    }

    /// Refuses an existing folder that holds anything but an earlier experiment's entries, so that
    /// a mistyped `--out` never fills an unrelated folder.
    private void requireExperimentFolder() throws IOException, InputFormatException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new InputFormatException("output " + out + " exists and is a file; give a folder for the experiment");
        }
        try (Stream<Path> entries = Files.list(out)) {
            Optional<Path> foreign = entries.filter(p -> !OWN_ENTRIES.contains(p.getFileName().toString())
                    && !p.getFileName().toString().startsWith(".")).findFirst();
            if (foreign.isPresent()) {
                throw new InputFormatException("output folder " + out + " holds " + foreign.get().getFileName()
                        + ", which an experiment does not write; give an empty or new folder, or an earlier "
                        + "experiment's folder");
            }
        }
    }

    /// Reads the queries and qrels (so that a malformed file fails before any long work) and
    /// hashes the three files of the collection.
    private LoadedCollection load(ExperimentLanguage language) throws IOException, InputFormatException {
        RetrievalCollection collection = language.collection();
        List<Topic> topics = TopicsReader.read(collection.queries());
        Qrels qrels = QrelsReader.read(collection.qrels());
        String filesHash = ContentHash.ofParts(hashes.ofFile(collection.corpus()), hashes.ofFile(collection.queries()),
                hashes.ofFile(collection.qrels()));
        return new LoadedCollection(language, topics, qrels, filesHash);
    }

    private ExperimentCell cell(LoadedCollection collection, ExperimentMethod method)
            throws SemBridgeException, IOException {
        String code = collection.language().code();
        cancel.throwIfCancelled("the experiment");
        progress.onProgress(STAGE, cellNumber, cellCount);
        cellNumber++;
        ProgressListener cellProgress = CellProgress.of(cellNumber, cellCount, code, method, progress);
        long start = System.nanoTime();

        Optional<Path> runFolder = Optional.empty();
        boolean runReused = false;
        Path model = config.source();
        if (method.transfers()) {
            TransferRequest request = transferRequest(collection.language(), method);
            runReused = transfer(request, cellProgress);
            runFolder = Optional.of(request.out());
            model = LoadedRun.modelDirectory(request.out());
        }
        String key = scoresKey(collection, method, model);
        if (reuse == ReusePolicy.REUSE_MATCHING) {
            Optional<ExperimentCell> recorded = records.find(code, method, key);
            if (recorded.isPresent()) {
                LOG.info("Cell {} {}: nDCG@10 {} from the earlier evaluation {}", code, method.id(),
                        format(recorded.get().scores().ndcgAt10()), records.file(code, method));
                return recorded.get().withRunReused(runReused);
            }
        }
        Path index = out.resolve(ExperimentRunner.INDEXES_FOLDER).resolve(code).resolve(method.id());
        Evaluated evaluated = method.lexical()
                ? evaluateBm25(collection, index, cellProgress)
                : evaluateSparse(collection, model, index, cellProgress);
        ExperimentCell cell = new ExperimentCell(code, method,
                RetrievalScores.of(evaluated.ranking().report()),
                evaluated.ranking().run().emptyQueryIds().size(), evaluated.truncatedQueries(), runFolder, index, runReused, false,
                (System.nanoTime() - start) / 1e9);
        records.write(cell, key);
        LOG.info("Cell {} {}: nDCG@10 {}, Recall@100 {}, MRR@10 {} over {} queries ({} empty, {} cut to {} terms) in {} s",
                code, method.id(), format(cell.scores().ndcgAt10()), format(cell.scores().recallAt100()),
                format(cell.scores().mrrAt10()), cell.scores().judgedQueries(), cell.emptyQueries(),
                cell.truncatedQueries(), IndexSearcher.getMaxClauseCount(),
                String.format(Locale.ROOT, "%.1f", cell.seconds()));
        return cell;
    }

    /// The key of a cell's scores: everything they depend on (see [CellRecords]).
    private static String scoresKey(LoadedCollection collection, ExperimentMethod method, Path model)
            throws SemBridgeException {
        String version = Integer.toString(CellRecords.FORMAT_VERSION);
        if (method.lexical()) {
            return ContentHash.ofParts(version, "bm25",
                    collection.language().collection().bm25Language().orElseThrow().code(), collection.filesHash(),
                    Integer.toString(DEPTH));
        }
        return ContentHash.ofParts(version, "sparse", ModelFingerprint.of(HfModelFolder.open(model)),
                collection.filesHash(), Integer.toString(DEPTH), Integer.toString(IndexSearcher.getMaxClauseCount()));
    }

    private TransferRequest transferRequest(ExperimentLanguage language, ExperimentMethod method)
            throws InputFormatException {
        Path folder = out.resolve(ExperimentRunner.RUNS_FOLDER).resolve(language.code()).resolve(method.id());
        return TransferRequest.builder(config.source(), language.tokenizer().orElseThrow(), method.name(), folder)
                .optBridge(config.bridge().orElse(null))
                .optAlpha(method.alpha())
                .optBiasMode(config.biasMode())
                .optDevice(config.device())
                .optSeed(config.seed())
                .build();
    }

    /// Runs the transfer unless a matching earlier run is there; returns whether it was reused.
    private boolean transfer(TransferRequest request, ProgressListener cellProgress)
            throws SemBridgeException, IOException {
        if (reuse == ReusePolicy.REUSE_MATCHING) {
            Optional<String> mismatch = RunReuse.mismatch(request, inputHashes(request));
            if (mismatch.isEmpty()) {
                LOG.info("Reusing the transfer run {}", request.out());
                return true;
            }
            LOG.info("Running the transfer into {}: {}", request.out(), mismatch.get());
        }
        transfers.transfer(request, cellProgress, cancel);
        return false;
    }

    private RunReuse.InputHashes inputHashes(TransferRequest request) throws IOException {
        Path tokenizer = request.targetTokenizer();
        Path tokenizerFolder = Files.isDirectory(tokenizer) ? tokenizer : tokenizer.toAbsolutePath().getParent();
        Optional<String> bridge = Optional.empty();
        if (request.bridge() != null) {
            bridge = Optional.of(Files.isDirectory(request.bridge())
                    ? hashOnce(request.bridge(), hashes::ofModelFolder)
                    : hashOnce(request.bridge(), hashes::ofFile));
        }
        return new RunReuse.InputHashes(hashOnce(request.source(), hashes::ofModelFolder),
                hashOnce(tokenizerFolder, hashes::ofTokenizerFolder), bridge);
    }

    private interface PathHash {
        String of(Path path) throws IOException;
    }

    /// The hash of `path`, computed at most once per experiment.
    private String hashOnce(Path path, PathHash hash) throws IOException {
        String known = inputHashes.get(path);
        if (known == null) {
            known = hash.of(path);
            inputHashes.put(path, known);
        }
        return known;
    }

    /// A cell's evaluated ranking and how many of its queries were cut to the clause limit.
    private record Evaluated(RankingEvaluation ranking, int truncatedQueries) {
    }

    private Evaluated evaluateSparse(LoadedCollection collection, Path model, Path index, ProgressListener cellProgress)
            throws SemBridgeException, IOException {
        try (SpladeTextEncoder encoder = SpladeTextEncoder.load(model, device, SpladeSettings.DEFAULTS)) {
            build(collection, index, encoder, Optional.empty(), model.toString(), cellProgress);
            TopWeightsEncoder queries = new TopWeightsEncoder(encoder, IndexSearcher.getMaxClauseCount());
            try (OpenedIndex opened = OpenedIndex.withEncoder(index, queries, QueryWeighting.ENCODER)) {
                RankingEvaluation ranking = opened.evaluate(Ranking.SPARSE, collection.topics(), collection.qrels(),
                        DEPTH, cellProgress, cancel);
                return new Evaluated(ranking, queries.truncatedTexts());
            }
        }
    }

    private Evaluated evaluateBm25(LoadedCollection collection, Path index, ProgressListener cellProgress)
            throws SemBridgeException, IOException {
        LexicalOnlyEncoder noModel = new LexicalOnlyEncoder();
        build(collection, index, noModel, collection.language().collection().bm25Language(), "", cellProgress);
        try (OpenedIndex opened = OpenedIndex.withEncoder(index, noModel, QueryWeighting.ENCODER)) {
            return new Evaluated(opened.evaluate(Ranking.BM25, collection.topics(), collection.qrels(), DEPTH,
                    cellProgress, cancel), 0);
        }
    }

    private void build(LoadedCollection collection, Path index, SparseTextEncoder encoder,
            Optional<Bm25Language> bm25, String modelPath, ProgressListener cellProgress)
            throws SemBridgeException, IOException {
        IndexBuildRequest request = new IndexBuildRequest(collection.language().collection().corpus(), index,
                modelPath, bm25, IndexBuildRequest.DEFAULT_BATCH_SIZE);
        IndexBuilding.build(request, encoder, cellProgress, cancel);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
