package org.sembridge.engine.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.sembridge.engine.InputFormatException;

/// The languages of the BM25 baseline field, each with the Lucene analyzer used for it (default
/// stop words and stemmers of each analyzer).
public enum Bm25Language {

    /// Arabic: `ArabicAnalyzer` (normalisation, light stemming, stop words).
    AR("ar", ArabicAnalyzer::new),
    /// Chinese: `SmartChineseAnalyzer` (HMM word segmentation, stop words).
    ZH("zh", SmartChineseAnalyzer::new),
    /// Hindi: `HindiAnalyzer` (Indic normalisation, light stemming, stop words).
    HI("hi", HindiAnalyzer::new),
    /// Korean: `KoreanAnalyzer` (nori morphological analysis, default decompounding and part-of-speech stop tags).
    KO("ko", KoreanAnalyzer::new),
    /// Russian: `RussianAnalyzer` (Snowball stemmer, stop words).
    RU("ru", RussianAnalyzer::new),
    /// English: `EnglishAnalyzer` (Porter stemmer, possessives, stop words).
    EN("en", EnglishAnalyzer::new);

    private final String code;
    private final Supplier<Analyzer> analyzer;

    Bm25Language(String code, Supplier<Analyzer> analyzer) {
        this.code = code;
        this.analyzer = analyzer;
    }

    /// The ISO 639-1 code, e.g. `ko`.
    public String code() {
        return code;
    }

    /// A new analyzer for this language; the caller closes it.
    public Analyzer newAnalyzer() {
        return analyzer.get();
    }

    /// The language with ISO 639-1 code `code` (case-insensitive).
    ///
    /// @throws InputFormatException for an unsupported code, listing the supported ones
    public static Bm25Language forCode(String code) throws InputFormatException {
        for (Bm25Language language : values()) {
            if (language.code.equals(code.toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        throw new InputFormatException("no BM25 analyzer for language '" + code + "'; supported: "
                + Arrays.stream(values()).map(Bm25Language::code).collect(Collectors.joining(", ")));
    }
}
