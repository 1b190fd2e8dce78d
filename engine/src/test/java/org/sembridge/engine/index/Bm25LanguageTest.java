package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;

class Bm25LanguageTest {

    static List<String> analyze(Bm25Language language, String text) throws Exception {
        List<String> terms = new ArrayList<>();
        try (Analyzer analyzer = language.newAnalyzer(); TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    /// Expected terms, checked by eye against each language: Arabic drops the article ال and the
    /// stop word في; Chinese is segmented into words; Hindi stems and drops में/हैं; Korean splits
    /// morphemes and drops particles (는, 을) and the ending 니다; Russian stems and drops на; English
    /// stems and drops the stop words the, are, in.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ar | القطط تشرب الحليب في المطبخ                | قطط تشرب حليب مطبخ",
        "zh | 我们在北京大学学习中文                     | 我们 在 北京大学 学习 中文",
        "hi | बच्चे स्कूल में किताबें पढ़ते हैं             | बचच सकुल किताब पढ",
        "ko | 한국어 형태소 분석기는 문장을 나눕니다       | 한국 어 형태 소 분석 기 문장 나누",
        "ru | Кошки пьют молоко на кухне                 | кошк пьют молок кухн",
        "en | The cats are drinking milk in the kitchen  | cat drink milk kitchen"})
    void analyzerOfEachLanguageProducesTermsForASampleSentence(String code, String sentence, String expected)
            throws Exception {
        assertEquals(List.of(expected.split(" ")), analyze(Bm25Language.forCode(code), sentence));
    }

    @Test
    void unknownLanguageListsTheSupportedCodes() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Bm25Language.forCode("xx"));
        assertEquals("no BM25 analyzer for language 'xx'; supported: ar, zh, hi, ko, ru, en", e.getMessage());
    }

    @Test
    void codesAreCaseInsensitive() throws Exception {
        assertEquals(Bm25Language.KO, Bm25Language.forCode("KO"));
    }
}
