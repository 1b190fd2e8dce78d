#!/usr/bin/env python3
"""Generates the bundled sample models of SemBridge Workbench (python3 + numpy only).

Writes, under sample-models/:
  splade-tiny-en/      an English SPLADE-style BertForMaskedLM (tied decoder) + WordPiece tokenizer
  bridge-tiny-multi/   a sentence-transformers folder: bare BertModel + mean pooling + normalize
  tokenizers/{ko,ru,ar,hi,zh}/  target-language WordPiece tokenizers
  README.md            what they are, how they were built, the self-check figures

The weights are not trained; they are constructed so that the models behave like the real kind
(see README.md, section "How the weights were constructed"). Everything is deterministic: fixed
seeds, per-token seeds derived from the token string, no BLAS in the construction, sorted output.
Running the script twice gives byte-identical files.

Usage (from the repository root):
    python3 sample-models/generator/generate_sample_models.py
Options --assets and --out exist for development (another lexicon / output folder).
"""

import argparse
import hashlib
import json
import math
import re
import struct
import unicodedata
from pathlib import Path

import numpy as np

# --------------------------------------------------------------------------------------------
# Architecture and construction constants
# --------------------------------------------------------------------------------------------

HIDDEN = 128
LAYERS = 2
HEADS = 4
HEAD_DIM = HIDDEN // HEADS
INTERMEDIATE = 512
MAX_POSITIONS = 512
TYPE_VOCAB = 2
LN_EPS = 1e-12
TRANSFORMERS_VERSION = "4.41.2"
SENTENCE_TRANSFORMERS_VERSION = "3.0.1"
TORCH_VERSION = "2.3.1"
MAX_INPUT_CHARS_PER_WORD = 100
SIZE_LIMIT_BYTES = 30 * 1024 * 1024

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD_ID, UNK_ID, CLS_ID, SEP_ID, MASK_ID = range(5)

LANGUAGES = ["en", "ko", "ru", "ar", "hi", "zh"]
TARGETS = ["ko", "ru", "ar", "hi", "zh"]

# English SPLADE encoder.
EN_CONCEPT_WEIGHT = 0.8        # word row = a * concept + b * own direction (a^2 + b^2 = 1)
EN_INFLECTED_WEIGHT = 0.7      # inflected forms of lexicon words (houses, teaching) lean less
EN_TOPIC_SHARE = 0.15          # cosine between two concept directions of the same topic
EN_POSITION_SCALE = 0.01
EN_LAYER_SCALE = 0.02
EN_HEAD_SCALE = 0.2            # MLM transform dense = 0.2 I: keeps GELU in its linear range
EN_HEAD_SHIFT = 4.0            # ... with a +4 bias; the following LayerNorm removes the shift
# Per-token logit offsets. They are NOT in the decoder bias: each lives in the token's own word
# embedding row, along the all-ones direction (see threshold_channel below and the README), so a
# row built as a convex combination of rows (SemBridge) or copied carries its offset with it.
EN_THRESHOLD = 5.5             # offset of a content word: -5.5 (logit of the word itself ~ +5.5)
EN_OFFSET_PIECE = -7.0         # ## pieces: activate only as the token itself, weakly
EN_OFFSET_CHAR = -9.0          # single letters and digits: hardly ever
EN_OFFSET_STOP = -20.0         # stopwords and punctuation: never activate
EN_OFFSET_SPECIAL = -30.0      # [PAD] [UNK] [CLS] [SEP] [MASK]
EN_OFFSET_LEXICON = 1.0        # lexicon words (the topical nouns, verbs, adjectives): weight up
EN_OFFSET_INFLECTED = 0.5
EN_OFFSET_COMMON = -2.5        # the most frequent common word: weight down (IDF-like), fading
                               # linearly to 0 at the end of english_common_words.txt
EN_HEAD_LN_BETA = 1.0          # MLM transform LayerNorm bias in every dimension: the output gets
                               # the constant EN_HEAD_LN_BETA x (1, ..., 1) on top of a mean-0 part
EN_DECODER_BIAS_SCALE = 0.05   # cls.predictions.bias ~ N(0, 0.05^2) per token: small, as trained

# Multilingual bridge.
BR_TOPIC_SHARE = 0.15
BR_WORD_NOISE = 0.30           # norm of the per-word noise around the shared concept vector
BR_INFLECTED_NOISE = 0.45
BR_CHAR_NOISE = 0.45
BR_FUNCTION_WEIGHT = 0.6       # function tokens: 0.6 * function direction + 0.8 * own direction
BR_SPECIAL_SCORE = 3.0         # attention score penalty per unit of the special direction
BR_FUNCTION_SCORE = 0.35       # ... and of the function direction (weight ~ e^-2.4 = 0.09)
BR_VALUE_GAIN = 8.0            # layer 0 value = 8 x token (special/common parts removed)
BR_ANISOTROPY = 0.65           # common component: unrelated words get cosine ~ 0.30
BR_POSITION_SCALE = 0.01
BR_LAYER_SCALE = 0.02
BR_SMALL_SCALE = 0.005

# --------------------------------------------------------------------------------------------
# Language data: function words, affixes (used for vocabularies and for the bridge's geometry)
# --------------------------------------------------------------------------------------------

STOPWORDS = {
    "en": """a about above after again against all am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers herself him himself his how i if in into is
        it its itself just me more most my myself no nor not now of off on once only or other our
        ours ourselves out over own same she should so some such than that the their theirs them
        themselves then there these they this those through to too under until up very was we
        were what when where which while who whom why will with would you your yours yourself
        yourselves also may might must shall us upon via per""",
    "ko": """그리고 그러나 하지만 그래서 또는 및 또한 그 이 저 것 수 등 더 매우 아주 잘 안 못 때 중
        위해 대한 통해 있다 없다 있는 없는 하는 한다 했다 됩니다 합니다 있습니다 그것 이것 저것 우리 저는
        나는 너무 모든 각 어떤 무엇 어디 언제 왜 어떻게 누구""",
    "ru": """и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только
        ее её мне было вот от меня еще ещё нет о об из ему когда даже ну ли если уже или ни быть был
        него до вас опять уж вам ведь там потом себя ей может они тут где есть надо ней для мы тебя
        их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому
        этого какой совсем ним здесь этом почти тем чтобы нее сейчас были куда зачем всех при об
        после над через эти нас про всего них какая разве эту перед этой это эта""",
    "ar": """في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين أن إن ان كان كانت لا ما لم لن قد
        هو هي هم نحن أنا أنت و ثم أو او بل كل بعض عند حتى إذا اذا كما لكن أي بين منذ غير يكون تكون
        هناك هنا أين متى كيف لماذا""",
    "hi": """का के की है हैं में से को और पर यह वह था थे थी हो भी ने कि तो ही जो इस उस लिए नहीं
        या तक साथ कुछ वे हम मैं आप तुम अपने अपना अपनी उसके उनके इसके जब तब क्या कौन कैसे कहाँ कहां
        हर""",
    "zh": """的 了 是 在 和 也 就 都 而 及 与 着 或 这 那 之 于 为 把 被 让 从 对 以 但 吗 呢 吧 啊
        很 我们 你们 他们 这个 那个 一个 没有 什么 哪里 里 们""",
}

# Korean particles and endings: ## pieces of the Korean tokenizer and function tokens of the bridge.
KO_PARTICLES = ["에서", "은", "는", "이", "가", "을", "를", "의", "에", "도", "와", "과", "로",
                "으로", "에게", "한테", "께서", "부터", "까지", "만", "보다", "처럼", "이다",
                "입니다", "에는", "에서는", "으로는", "로는", "하고", "랑", "이랑", "나", "이나",
                "요", "께", "에게서", "마다", "조차", "뿐", "에도", "에서도", "으로도", "로도",
                "이고", "이며", "이에요", "예요", "이야", "야"]
KO_ENDINGS = ["다", "고", "서", "지만", "면", "는다", "었다", "았다", "였다", "습니다", "니다",
              "세요", "하다", "했다", "합니다", "한", "할", "하는", "된", "되는", "적", "적인",
              "어요", "아요", "해요", "했어요", "었어요", "았어요", "겠다", "네요", "지요", "죠"]
KO_PLURAL = "들"

RU_SUFFIXES = ["а", "я", "у", "ю", "е", "о", "ы", "и", "ом", "ем", "ём", "ой", "ей", "ам", "ям",
               "ах", "ях", "ами", "ями", "ов", "ев", "ий", "ый", "ая", "ое", "ые", "ие", "ого",
               "его", "ому", "ему", "ую", "юю", "ых", "их", "ым", "им", "ыми", "ими", "ь", "ть",
               "л", "ла", "ло", "ли", "ет", "ут", "ют", "ит", "ат", "ят", "ешь", "ишь", "ете",
               "ите", "ья", "ьи", "ьев", "ьям", "ьями", "ьях", "ию", "ия", "ии", "ью", "ся"]
AR_PREFIXES = ["ال", "و", "ف", "ب", "ل", "ك", "وال", "بال", "فال", "كال", "لل", "ولل", "وب", "ول"]
AR_SUFFIXES = ["ة", "ات", "ون", "ين", "ان", "ها", "ه", "ي", "هم", "هن", "نا", "كم", "ك", "تي",
               "ته", "تها", "ا"]
HI_SUFFIXES = ["ों", "ें", "ी", "े", "ा", "ाएं", "ाएँ", "ियों", "ियां", "ियाँ", "ाओं", "ओं", "एं",
               "एँ", "ने", "ना", "ता", "ती", "ते", "कर", "या", "यी", "ये"]
EN_SUFFIX_PIECES = ["s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "ness", "ment",
                    "ments", "tion", "tions", "sion", "able", "ible", "ful", "less", "ity", "ism",
                    "ist", "ists", "ize", "ized", "ise", "al", "ial", "ic", "ical", "ous", "ive",
                    "y", "ie", "ies", "en", "an", "ian", "ry", "ery", "ward", "wards", "ship",
                    "hood", "dom", "like", "ish", "age", "ance", "ence", "ant", "ent", "ure",
                    "ate", "ated", "ating", "ation", "ations", "th", "ty", "or", "ors", "man",
                    "men", "land", "ville", "ton", "son", "ar", "as", "at", "el", "et", "ia",
                    "id", "il", "in", "io", "is", "it", "le", "li", "lo", "ma", "me", "na", "ne",
                    "ni", "no", "on", "os", "ra", "re", "ri", "ro", "se", "si", "ta", "te", "ti",
                    "to", "tor", "ted", "ter", "tic", "ting", "um", "us", "ium", "ine", "ings",
                    "ily", "ative", "ization", "izing", "ology", "ological", "graphy", "phone",
                    "scope", "ware", "work", "book", "room", "time", "line", "side", "way",
                    "ball", "berry", "fish", "house", "light", "port", "ster", "wood", "burg",
                    "berg", "field"]
MIN_CONTINUATION_PIECES = 150  # SemBridge calls a vocabulary WordPiece at > 100 "##" entries

# A few English words that real target-language vocabularies also hold (overlap-copy material).
OVERLAP_LATIN_WORDS = ["the", "and", "of", "to", "in", "is", "for", "on", "with", "by", "at",
                       "from", "internet", "online", "email", "video", "web", "app", "ok", "tv",
                       "pc", "news", "blog", "wifi", "usb", "html"]

ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
EXTRA_SYMBOLS = "°€£¥©®×÷–—‘’“”…•·§¶"
SCRIPT_PUNCT = {
    "ko": "·「」『』〈〉《》",
    "ru": "«»„“”–—…",
    "ar": "،؛؟٪«»",
    "hi": "।॥",
    "zh": "，。、；：？！“”‘’（）《》【】「」『』…—·～",
}


def tokenizer_settings(name):
    """Normalizer settings per tokenizer, modelled on the real tokenizers the paper used."""
    if name == "en":          # bert-base-uncased
        return {"lowercase": True, "strip_accents": None, "chinese": True}
    if name == "bridge":      # multilingual: keeps accents/matras/jamo; CJK words stay whole
        return {"lowercase": True, "strip_accents": False, "chinese": False}
    if name in ("ko", "ru"):  # kobigbird-bert-base, rubert-base-cased are cased
        return {"lowercase": False, "strip_accents": False, "chinese": True}
    return {"lowercase": True, "strip_accents": False, "chinese": True}


# --------------------------------------------------------------------------------------------
# Text processing: a faithful copy of HF tokenizers' BertNormalizer + BertPreTokenizer + WordPiece
# --------------------------------------------------------------------------------------------

def is_cjk(ch):
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B920 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def is_whitespace(ch):
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf", "Cn", "Co")


class BertText:
    """BertNormalizer + BertPreTokenizer with the given settings."""

    def __init__(self, lowercase, strip_accents, chinese):
        self.lowercase = lowercase
        self.strip_accents = lowercase if strip_accents is None else strip_accents
        self.chinese = chinese

    def normalize(self, text):
        out = []
        for ch in text:
            if ch == "\x00" or ch == "\ufffd" or is_control(ch):
                continue
            out.append(" " if is_whitespace(ch) else ch)
        text = "".join(out)
        if self.chinese:
            text = "".join(f" {ch} " if is_cjk(ch) else ch for ch in text)
        if self.strip_accents:
            text = "".join(ch for ch in unicodedata.normalize("NFD", text)
                           if unicodedata.category(ch) != "Mn")
        if self.lowercase:
            text = text.lower()
        return text

    def words(self, text):
        result = []
        for chunk in self.normalize(text).split():
            current = []
            for ch in chunk:
                if is_punctuation(ch):
                    if current:
                        result.append("".join(current))
                        current = []
                    result.append(ch)
                else:
                    current.append(ch)
            if current:
                result.append("".join(current))
        return result


def wordpiece(word, vocab):
    """Greedy longest-match-first WordPiece of one pre-token; [UNK] if any part is missing."""
    if len(word) > MAX_INPUT_CHARS_PER_WORD:
        return ["[UNK]"]
    pieces = []
    start = 0
    while start < len(word):
        end = len(word)
        found = None
        while start < end:
            sub = word[start:end] if start == 0 else "##" + word[start:end]
            if sub in vocab:
                found = sub
                break
            end -= 1
        if found is None:
            return ["[UNK]"]
        pieces.append(found)
        start = end
    return pieces


class Tokenizer:
    """A WordPiece tokenizer equivalent to the tokenizer.json this script writes."""

    def __init__(self, tokens, settings):
        self.tokens = tokens
        self.ids = {t: i for i, t in enumerate(tokens)}
        self.settings = settings
        self.text = BertText(**settings)
        self.special_re = re.compile("(" + "|".join(re.escape(s) for s in SPECIALS) + ")")

    def tokenize(self, text):
        pieces = []
        for part in self.special_re.split(text):
            if part in SPECIALS:
                pieces.append(part)
            elif part:
                for word in self.text.words(part):
                    pieces.extend(wordpiece(word, self.ids))
        return pieces

    def encode(self, text, max_length=MAX_POSITIONS):
        pieces = self.tokenize(text)[: max_length - 2]
        return [CLS_ID] + [self.ids[p] for p in pieces] + [SEP_ID]


# --------------------------------------------------------------------------------------------
# Inputs: lexicon and demo corpora
# --------------------------------------------------------------------------------------------

class Lexicon:
    """concepts.tsv: concept, topic, then one cell per language with |-separated words."""

    def __init__(self, path):
        lines = path.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        missing = [c for c in ["concept", "topic"] + LANGUAGES if c not in header]
        if missing:
            raise SystemExit(f"{path}: header lacks columns {missing}; found {header}")
        col = {name: i for i, name in enumerate(header)}
        self.names, self.topics, self.words = [], [], []
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) < len(header):
                raise SystemExit(f"{path}:{number}: expected {len(header)} cells, found {len(cells)}")
            words = {}
            for lang in LANGUAGES:
                entries = [w.strip() for w in cells[col[lang]].split("|") if w.strip()]
                if lang == "en":
                    entries = [w.lower() for w in entries]
                words[lang] = entries
            self.names.append(cells[col["concept"]].strip())
            self.topics.append(cells[col["topic"]].strip())
            self.words.append(words)
        self.topic_names = sorted(set(self.topics))

    def __len__(self):
        return len(self.names)

    def concept_map(self, lang, lower=False):
        """word -> sorted list of concept indices for one language."""
        result = {}
        for c, words in enumerate(self.words):
            for w in words[lang]:
                key = w.lower() if lower else w
                result.setdefault(key, [])
                if c not in result[key]:
                    result[key].append(c)
        return result


def read_corpus(folder):
    """Documents (id, title + text, text) of corpus.jsonl, (qid, text) of queries.tsv and the
    qrels {qid: {docid: rel}} of qrels.txt; missing files give empty lists."""
    docs, queries = [], []
    corpus = folder / "corpus.jsonl"
    if corpus.exists():
        for line in corpus.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            parts = [record[k] for k in ("title", "text") if isinstance(record.get(k), str)]
            if not parts:
                parts = [v for k, v in sorted(record.items())
                         if isinstance(v, str) and "id" not in k.lower()]
            doc_id = str(record.get("id", record.get("_id", record.get("docid", len(docs)))))
            body = record["text"] if isinstance(record.get("text"), str) else parts[-1]
            docs.append((doc_id, " ".join(p for p in parts if p), body))
    query_file = folder / "queries.tsv"
    if query_file.exists():
        for i, line in enumerate(query_file.read_text(encoding="utf-8").splitlines()):
            cells = line.split("\t")
            if not line.strip() or len(cells) < 2:
                continue
            if i == 0 and cells[0].strip().lower() in ("qid", "id", "query_id", "query-id"):
                continue
            queries.append((cells[0].strip(), cells[-1]))
    qrels = {}
    qrel_file = folder / "qrels.txt"
    if qrel_file.exists():
        for line in qrel_file.read_text(encoding="utf-8").splitlines():
            cells = line.split()
            if len(cells) == 4:
                qrels.setdefault(cells[0], {})[cells[2]] = int(cells[3])
    return docs, queries, qrels


def read_common_words(path):
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line.lower())
    return words


# --------------------------------------------------------------------------------------------
# Morphology: inflected forms of lexicon words (so that "houses" / "книги" / "الكتاب" /
# "पेड़ों" / "집에서" stay near their concept, as in a real pretrained model)
# --------------------------------------------------------------------------------------------

# Each builder returns (form, level) pairs: level 0 = affixes on the lemma itself, level 1 =
# affixes on a shortened stem (a final vowel or ة dropped). A form keeps only its lowest level,
# so "المدرس" (the teacher, مدرس + al-) is not also read as a form of مدرسة (school).

def english_forms(lemma):
    if len(lemma) < 3 or not lemma.isalpha():
        return []
    forms = [(lemma + s, 0) for s in ("s", "ly", "er", "est")]
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.append((lemma + "es", 0))
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms += [(lemma[:-1] + s, 1) for s in ("ies", "ied", "ier", "iest")]
    if lemma.endswith("e"):
        forms += [(lemma + "d", 0), (lemma + "r", 0), (lemma + "st", 0), (lemma[:-1] + "ing", 1)]
    else:
        forms += [(lemma + "ed", 0), (lemma + "ing", 0)]
    if (len(lemma) <= 5 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou"):
        forms += [(lemma + lemma[-1] + s, 1) for s in ("ed", "ing", "er", "est")]
    return forms


def russian_forms(lemma):
    lemma = lemma.lower()
    stems = {lemma: 0}
    if lemma.endswith(("ться", "тись")):
        stems[lemma[:-4]] = 1
    if lemma.endswith(("ть", "ти", "ый", "ий", "ой", "ая", "ое", "ие", "ые")):
        stems[lemma[:-2]] = 1
    if lemma[-1:] in ("а", "я", "о", "е", "ь", "й", "ы", "и"):
        stems[lemma[:-1]] = 1
    return [(stem + s, level) for stem, level in sorted(stems.items()) if len(stem) >= 3
            for s in RU_SUFFIXES]


def arabic_forms(lemma):
    """Clitic prefixes (al-, wa-, bi-, ...) and suffixes around the lemma; two-letter lemmas
    (أم, يد) take only short suffixes, and derived stems (ة dropped) need three letters, so that
    short stems do not swallow unrelated words."""
    stems = {}
    for base in ([lemma, lemma[2:]] if lemma.startswith("ال") and len(lemma) > 4 else [lemma]):
        if len(base) >= 2:
            stems[base] = 0
        if base.endswith("ة") and len(base) >= 4:
            stems.setdefault(base[:-1], 1)
            stems.setdefault(base[:-1] + "ت", 1)
    forms = []
    for stem, level in sorted(stems.items()):
        suffixes = [""] + (AR_SUFFIXES if len(stem) >= 3 else ["ي", "ك", "ه", "ها", "نا"])
        for prefix in [""] + AR_PREFIXES:
            for suffix in suffixes:
                if (prefix or suffix) and not (level and suffix == "ة"):
                    forms.append((prefix + stem + suffix, level))
    return forms


def hindi_forms(lemma):
    stems = {lemma: 0}
    if lemma[-1:] in ("ा", "ी", "े"):
        stems[lemma[:-1]] = 1
    return [(stem + s, level) for stem, level in sorted(stems.items()) if len(stem) >= 2
            for s in HI_SUFFIXES]


def korean_suffixes():
    suffixes = KO_PARTICLES + KO_ENDINGS + [KO_PLURAL] + [KO_PLURAL + p for p in KO_PARTICLES]
    return sorted(set(suffixes), key=lambda s: (-len(s), s))


def korean_forms(lemma):
    """Nouns with particles (집에서, 학생들은); verbs in dictionary form (읽다) with endings."""
    forms = [(lemma + s, 0) for s in korean_suffixes()]
    if lemma.endswith("다") and len(lemma) >= 2:
        forms += [(lemma[:-1] + s, 1) for s in KO_ENDINGS if not s.startswith("다")]
    return forms


FORM_BUILDERS = {"en": english_forms, "ru": russian_forms, "ar": arabic_forms,
                 "hi": hindi_forms, "ko": korean_forms}


def inflection_map(lexicon, lang):
    """inflected form -> concepts, for forms that are not themselves lexicon words."""
    exact = lexicon.concept_map(lang, lower=True)
    builder = FORM_BUILDERS.get(lang)
    if builder is None:
        return {}
    best = {}
    for lemma, concepts in exact.items():
        for form, level in builder(lemma):
            if form in exact:
                continue
            known = best.get(form)
            if known is None or level < known[0]:
                best[form] = (level, list(concepts))
            elif level == known[0]:
                known[1].extend(c for c in concepts if c not in known[1])
    return {form: concepts for form, (level, concepts) in best.items()}


def script_of(text):
    """Language whose script the string uses (first letter decides); None for other strings."""
    for ch in text:
        cp = ord(ch)
        if "a" <= ch.lower() <= "z":
            return "en"
        if 0xAC00 <= cp <= 0xD7A3 or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
            return "ko"
        if 0x0400 <= cp <= 0x04FF:
            return "ru"
        if 0x0600 <= cp <= 0x06FF:
            return "ar"
        if 0x0900 <= cp <= 0x097F:
            return "hi"
        if is_cjk(ch):
            return "zh"
    return None


# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------

class VocabBuilder:
    def __init__(self):
        self.tokens = []
        self.seen = set()

    def add(self, token):
        if token and token not in self.seen and not any(c.isspace() for c in token):
            self.seen.add(token)
            self.tokens.append(token)

    def add_all(self, tokens):
        for t in tokens:
            self.add(t)


def corpus_texts(corpora, lang):
    docs, queries, _ = corpora[lang]
    return [text for _, text, _ in docs] + [text for _, text in queries]


def ordered_words(texts, text_processor):
    seen, result = set(), []
    for text in texts:
        for w in text_processor.words(text):
            if w not in seen:
                seen.add(w)
                result.append(w)
    return result


def frequent_endings(words, count=60):
    """The most frequent 2- and 3-character word endings, as WordPiece training would keep them."""
    tally = {}
    for w in words:
        if len(w) > 4 and all(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in w):
            for n in (2, 3):
                tally[w[-n:]] = tally.get(w[-n:], 0) + 1
    ranked = sorted((piece for piece, k in tally.items() if k >= 3), key=lambda p: (-tally[p], p))
    return ["##" + piece for piece in ranked[:count]]


def ensure_coverage(builder, words):
    """Adds the characters (and ## forms) that some word needs so that nothing becomes [UNK]."""
    for w in words:
        if "[UNK]" in wordpiece(w, builder.seen):
            for i, ch in enumerate(w):
                builder.add(ch)
                builder.add("##" + ch)


def build_english_vocab(lexicon, corpora, common_words):
    text = BertText(**tokenizer_settings("en"))
    builder = VocabBuilder()
    builder.add_all(SPECIALS)
    builder.add_all(ASCII_PUNCT)
    builder.add_all("0123456789")
    builder.add_all("abcdefghijklmnopqrstuvwxyz")
    builder.add_all(ch for ch in text.normalize(EXTRA_SYMBOLS) if not ch.isspace())
    builder.add_all(STOPWORDS["en"].split())
    builder.add_all(common_words)
    for words in lexicon.words:
        for w in words["en"]:
            builder.add_all(text.words(w) if len(text.words(w)) > 1 else [w])
    corpus_words = ordered_words(corpus_texts(corpora, "en"), text)
    builder.add_all(corpus_words)
    builder.add_all("##" + c for c in "abcdefghijklmnopqrstuvwxyz0123456789")
    builder.add_all("##" + s for s in EN_SUFFIX_PIECES)
    builder.add_all(frequent_endings(corpus_words))
    ensure_coverage(builder, corpus_words)
    return builder.tokens


def hangul_ksx1001():
    """The 2,350 Hangul syllables of KS X 1001 (the common ones a Korean vocabulary holds)."""
    chars = []
    for hi in range(0xB0, 0xC9):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("euc_kr")
            except UnicodeDecodeError:
                continue
            if 0xAC00 <= ord(ch) <= 0xD7A3:
                chars.append(ch)
    return chars


def hanzi_gb2312_level1():
    """The 3,755 level-1 characters of GB 2312 (the common simplified Chinese characters)."""
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if is_cjk(ch):
                chars.append(ch)
    return chars


def script_alphabet(lang):
    if lang == "ko":
        return hangul_ksx1001()
    if lang == "ru":
        lower = [chr(c) for c in range(0x0430, 0x0450)] + ["ё"]
        return lower + [c.upper() for c in lower]
    if lang == "ar":
        return ([chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0640, 0x0653)]
                + [chr(c) for c in range(0x0660, 0x066A)])
    if lang == "hi":
        return [chr(c) for c in range(0x0900, 0x0980) if unicodedata.category(chr(c)) != "Cn"]
    if lang == "zh":
        return hanzi_gb2312_level1()
    raise ValueError(lang)


def build_target_vocab(lang, lexicon, corpora):
    settings = tokenizer_settings(lang)
    text = BertText(**settings)
    builder = VocabBuilder()
    builder.add_all(SPECIALS)
    builder.add_all(ASCII_PUNCT)
    builder.add_all(SCRIPT_PUNCT[lang])
    builder.add_all("0123456789")
    latin = "abcdefghijklmnopqrstuvwxyz"
    if not settings["lowercase"]:
        latin += latin.upper()
    builder.add_all(latin)
    corpus = corpus_texts(corpora, lang)
    script = list(script_alphabet(lang))
    lexicon_words = [w for words in lexicon.words for w in words[lang]]
    used_chars = sorted({ch for s in corpus + lexicon_words for ch in text.normalize(s)
                         if script_of(ch) == lang or unicodedata.category(ch).startswith("M")})
    script += [c for c in used_chars if c not in set(script)]
    builder.add_all(script)
    builder.add_all("##" + c for c in script)
    builder.add_all("##" + c for c in "0123456789" + latin)
    if lang == "ko":
        builder.add_all("##" + s for s in korean_suffixes())
    elif lang == "ru":
        builder.add_all("##" + s for s in RU_SUFFIXES)
    elif lang == "ar":
        builder.add_all("##" + s for s in AR_SUFFIXES)
    elif lang == "hi":
        builder.add_all("##" + s for s in HI_SUFFIXES)
    builder.add_all(OVERLAP_LATIN_WORDS)
    corpus_words = ordered_words(corpus, text)
    if lang in ("ru", "ar", "hi"):
        builder.add_all(frequent_endings(corpus_words + lexicon_words))
    if lang != "zh":   # zh is character-level like bert-base-chinese: no multi-char words
        builder.add_all(STOPWORDS[lang].split())
        for w in lexicon_words:
            words = text.words(w)
            builder.add_all(words)
        stems = set(lexicon_words)
        if lang == "ko":
            standalone = set(corpus_words)
            suffixes = korean_suffixes()
            for w in corpus_words:
                if not any(w.endswith(s) and (w[: -len(s)] in stems or w[: -len(s)] in standalone)
                           for s in suffixes if len(w) > len(s)):
                    builder.add(w)
        else:
            builder.add_all(corpus_words)
    ensure_coverage(builder, corpus_words)
    return builder.tokens


def build_bridge_vocab(lexicon, en_vocab, target_vocabs):
    builder = VocabBuilder()
    builder.add_all(SPECIALS)
    sources = [en_vocab] + [target_vocabs[lang] for lang in TARGETS]
    for tokens in sources:
        for t in tokens:
            if t in SPECIALS:
                continue
            t = t.lower()
            builder.add(t)
            if t.startswith("##"):
                builder.add(t[2:])
            elif len(t) == 1 and (is_cjk(t) or script_of(t) is not None):
                builder.add("##" + t)
    for words in lexicon.words:
        for lang in LANGUAGES:
            for w in words[lang]:
                for part in w.lower().split():
                    builder.add(part)
                    if lang == "zh":
                        builder.add("##" + part)
    return builder.tokens


# --------------------------------------------------------------------------------------------
# Deterministic random geometry (no BLAS: only elementwise operations and numpy reductions)
# --------------------------------------------------------------------------------------------

def rng(*parts):
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return np.random.RandomState(int.from_bytes(digest[:4], "little"))


def dot(a, b):
    return float(np.sum(a * b))


def unit(v):
    return v / math.sqrt(dot(v, v))


def project_out(v, basis):
    for b in basis:
        v = v - dot(v, b) * b
    return v


def random_direction(basis, *parts):
    return unit(project_out(rng(*parts).standard_normal(HIDDEN), basis))


def orthonormal_directions(count, basis, *parts):
    result = []
    for i in range(count):
        result.append(random_direction(basis + result, *parts, str(i)))
    return result


def concept_directions(lexicon, basis, topic_share, *parts):
    topics = {t: random_direction(basis, *parts, "topic", t) for t in lexicon.topic_names}
    vectors = []
    for c, name in enumerate(lexicon.names):
        own = random_direction(basis, *parts, "concept", str(c), name)
        mixed = math.sqrt(topic_share) * topics[lexicon.topics[c]] + math.sqrt(1 - topic_share) * own
        vectors.append(unit(project_out(mixed, basis)))
    return vectors


def mean_direction(vectors):
    total = np.zeros(HIDDEN)
    for v in vectors:
        total = total + v
    return unit(total)


def identity(n, scale=1.0):
    return np.eye(n) * scale


def projector(basis):
    """I - sum b b^T, built elementwise (np.outer does not use BLAS)."""
    p = np.eye(HIDDEN)
    for b in basis:
        p = p - np.outer(b, b)
    return p


def normal(shape, scale, *parts):
    return rng(*parts).standard_normal(shape) * scale


def f32(a):
    return np.ascontiguousarray(np.asarray(a, dtype=np.float32))


# --------------------------------------------------------------------------------------------
# English SPLADE encoder weights
# --------------------------------------------------------------------------------------------

class EnglishModel:
    def __init__(self, vocab, lexicon, common_words):
        self.vocab = vocab
        ones = np.ones(HIDDEN) / math.sqrt(HIDDEN)
        basis = [ones]
        common_rank = {}
        for rank, w in enumerate(common_words):
            common_rank.setdefault(w, rank)
        concepts = concept_directions(lexicon, basis, EN_TOPIC_SHARE, "en")
        exact = lexicon.concept_map("en", lower=True)
        inflected = inflection_map(lexicon, "en")
        stopwords = set(STOPWORDS["en"].split())
        self.token_concepts = {}
        rows, bias, offsets = [], [], []
        a = EN_CONCEPT_WEIGHT
        for tok in vocab:
            own = random_direction(basis, "en", "token", tok)
            if tok in exact:
                cs, weight = exact[tok], a
            elif tok in inflected:
                cs, weight = inflected[tok], EN_INFLECTED_WEIGHT
            else:
                cs, weight = [], 0.0
            if cs:
                self.token_concepts[tok] = cs
                shift = EN_OFFSET_LEXICON if tok in exact else EN_OFFSET_INFLECTED
            elif tok in common_rank:
                shift = EN_OFFSET_COMMON * (1.0 - common_rank[tok] / len(common_words))
            else:
                shift = 0.0
            if cs:
                row = weight * mean_direction([concepts[c] for c in cs]) + math.sqrt(1 - weight ** 2) * own
            else:
                row = own
            if tok in SPECIALS:
                offset = EN_OFFSET_SPECIAL
            elif tok in stopwords or all(is_punctuation(ch) or not ch.isalnum() for ch in tok):
                offset = EN_OFFSET_STOP
            elif len(tok) == 1:
                offset = EN_OFFSET_CHAR
            elif tok.startswith("##"):
                offset = EN_OFFSET_PIECE
            else:
                offset = -EN_THRESHOLD + shift
            offsets.append(offset)
            rows.append(unit(row) + threshold_channel(offset))
            bias.append(float(normal(1, EN_DECODER_BIAS_SCALE, "en", "decoder-bias", tok)[0]))
        self.stopwords = stopwords
        self.offsets = np.array(offsets)
        self.tensors = english_tensors(np.array(rows), np.array(bias))


def threshold_channel(offset):
    """The all-ones component m x (1, ..., 1) that gives a word row the logit offset `offset`.

    The embedding LayerNorm subtracts the mean of its input, so m never reaches the encoder; the
    MLM head's LayerNorm output is n + beta x (1, ..., 1) with sum(n) = 0, and the word row's
    direction part u has sum(u) = 0, so <u + m 1, n + beta 1> = <u, n> + HIDDEN x beta x m:
    m = offset / (HIDDEN x beta)."""
    return np.full(HIDDEN, offset / (HIDDEN * EN_HEAD_LN_BETA))


def english_tensors(word_rows, decoder_bias):
    t = {}
    p = "bert."
    t[p + "embeddings.word_embeddings.weight"] = word_rows
    t[p + "embeddings.position_embeddings.weight"] = normal((MAX_POSITIONS, HIDDEN), EN_POSITION_SCALE, "en", "pos")
    t[p + "embeddings.token_type_embeddings.weight"] = normal((TYPE_VOCAB, HIDDEN), EN_POSITION_SCALE, "en", "type")
    t[p + "embeddings.LayerNorm.weight"] = np.ones(HIDDEN)
    t[p + "embeddings.LayerNorm.bias"] = np.zeros(HIDDEN)
    for i in range(LAYERS):
        layer = f"{p}encoder.layer.{i}."
        for name in ("query", "key", "value"):
            t[layer + f"attention.self.{name}.weight"] = normal((HIDDEN, HIDDEN), EN_LAYER_SCALE, "en", str(i), name)
            t[layer + f"attention.self.{name}.bias"] = np.zeros(HIDDEN)
        t[layer + "attention.output.dense.weight"] = normal((HIDDEN, HIDDEN), EN_LAYER_SCALE, "en", str(i), "out")
        t[layer + "attention.output.dense.bias"] = np.zeros(HIDDEN)
        t[layer + "attention.output.LayerNorm.weight"] = np.ones(HIDDEN)
        t[layer + "attention.output.LayerNorm.bias"] = np.zeros(HIDDEN)
        t[layer + "intermediate.dense.weight"] = normal((INTERMEDIATE, HIDDEN), EN_LAYER_SCALE, "en", str(i), "ffn1")
        t[layer + "intermediate.dense.bias"] = np.zeros(INTERMEDIATE)
        t[layer + "output.dense.weight"] = normal((HIDDEN, INTERMEDIATE), EN_LAYER_SCALE, "en", str(i), "ffn2")
        t[layer + "output.dense.bias"] = np.zeros(HIDDEN)
        t[layer + "output.LayerNorm.weight"] = np.ones(HIDDEN)
        t[layer + "output.LayerNorm.bias"] = np.zeros(HIDDEN)
    t["cls.predictions.transform.dense.weight"] = (identity(HIDDEN, EN_HEAD_SCALE)
                                                   + normal((HIDDEN, HIDDEN), 0.002, "en", "head"))
    t["cls.predictions.transform.dense.bias"] = np.full(HIDDEN, EN_HEAD_SHIFT)
    t["cls.predictions.transform.LayerNorm.weight"] = np.ones(HIDDEN)
    t["cls.predictions.transform.LayerNorm.bias"] = np.full(HIDDEN, EN_HEAD_LN_BETA)
    t["cls.predictions.bias"] = decoder_bias
    return {k: f32(v) for k, v in t.items()}


# --------------------------------------------------------------------------------------------
# Bridge weights
# --------------------------------------------------------------------------------------------

class BridgeModel:
    def __init__(self, vocab, lexicon):
        self.vocab = vocab
        ones = np.ones(HIDDEN) / math.sqrt(HIDDEN)
        special, function, common = orthonormal_directions(3, [ones], "bridge", "reserved")
        reserved = [ones, special, function, common]
        concepts = concept_directions(lexicon, reserved, BR_TOPIC_SHARE, "bridge")
        exact, inflected = {}, {}
        for lang in LANGUAGES:
            for w, cs in lexicon.concept_map(lang, lower=True).items():
                exact.setdefault(w, [])
                exact[w] += [c for c in cs if c not in exact[w]]
            for w, cs in inflection_map(lexicon, lang).items():
                inflected.setdefault(w, [])
                inflected[w] += [c for c in cs if c not in inflected[w]]
        function_words = set()
        for lang in LANGUAGES:
            function_words.update(w.lower() for w in STOPWORDS[lang].split())
        function_words.update(korean_suffixes())
        function_words.update(RU_SUFFIXES + AR_SUFFIXES + HI_SUFFIXES + EN_SUFFIX_PIECES)
        char_concepts = self.chinese_char_concepts(lexicon)
        self.kinds = {}
        rows = []
        for tok in vocab:
            bare = tok[2:] if tok.startswith("##") else tok
            own = random_direction(reserved, "bridge", "token", tok)
            noise = random_direction(reserved, "bridge", "noise", tok)
            if tok in SPECIALS:
                kind = "special"
                row = special * 0.995 + own * math.sqrt(1 - 0.995 ** 2)
            elif bare in exact:
                kind = "concept"
                row = mean_direction([concepts[c] for c in exact[bare]]) + BR_WORD_NOISE * noise
            elif bare in function_words or all(not ch.isalnum() for ch in bare) or (
                    len(bare) == 1 and not is_cjk(bare)):
                kind = "function"
                row = BR_FUNCTION_WEIGHT * function + math.sqrt(1 - BR_FUNCTION_WEIGHT ** 2) * own
            elif bare in inflected:
                kind = "inflected"
                row = mean_direction([concepts[c] for c in inflected[bare]]) + BR_INFLECTED_NOISE * noise
            elif bare in char_concepts:
                kind = "char"
                weights = char_concepts[bare]
                total = np.zeros(HIDDEN)
                for c, wgt in sorted(weights.items()):
                    total = total + wgt * concepts[c]
                row = unit(total) + BR_CHAR_NOISE * noise
            else:
                kind = "other"
                row = own
            self.kinds[tok] = kind
            rows.append(unit(row))
        self.tensors = bridge_tensors(np.array(rows), reserved, special, function, common)

    @staticmethod
    def chinese_char_concepts(lexicon):
        """char -> {concept: weight}: a character means what the Chinese words holding it mean."""
        result = {}
        for c, words in enumerate(lexicon.words):
            for rank, w in enumerate(words["zh"]):
                chars = [ch for ch in w if is_cjk(ch)]
                for ch in chars:
                    weight = (1.0 / len(chars)) * (1.0 if rank == 0 else 0.5)
                    entry = result.setdefault(ch, {})
                    entry[c] = entry.get(c, 0.0) + weight
        return result


def bridge_tensors(word_rows, reserved, special, function, common):
    t = {}
    t["embeddings.word_embeddings.weight"] = word_rows
    t["embeddings.position_embeddings.weight"] = np.array(
        [project_out(r, [special, function, common])
         for r in normal((MAX_POSITIONS, HIDDEN), BR_POSITION_SCALE, "bridge", "pos")])
    t["embeddings.token_type_embeddings.weight"] = np.array(
        [project_out(r, [special, function, common])
         for r in normal((TYPE_VOCAB, HIDDEN), BR_POSITION_SCALE, "bridge", "type")])
    t["embeddings.LayerNorm.weight"] = np.ones(HIDDEN)
    t["embeddings.LayerNorm.bias"] = np.zeros(HIDDEN)
    ones = reserved[0]
    for i in range(LAYERS):
        layer = f"encoder.layer.{i}."
        if i == 0:
            # Every query looks for the same key direction; keys of special tokens score far
            # below, keys of function tokens a little below content tokens. Values carry each
            # token without its special and common parts, amplified 8 times, so every position
            # (also [CLS] and [SEP]) becomes the weighted mean of the text's content words.
            query = normal((HIDDEN, HIDDEN), BR_SMALL_SCALE, "bridge", str(i), "query")
            query_bias = np.zeros(HIDDEN)
            key = normal((HIDDEN, HIDDEN), BR_SMALL_SCALE, "bridge", str(i), "key")
            for h in range(HEADS):
                query_bias[h * HEAD_DIM] = math.sqrt(HEAD_DIM)
                key[h * HEAD_DIM] = key[h * HEAD_DIM] - (BR_SPECIAL_SCORE * special
                                                         + BR_FUNCTION_SCORE * function)
            value = projector([ones, special, common]) * BR_VALUE_GAIN
            out = np.eye(HIDDEN)
            ffn1 = normal((INTERMEDIATE, HIDDEN), BR_SMALL_SCALE * 2, "bridge", str(i), "ffn1")
            ffn2 = normal((HIDDEN, INTERMEDIATE), BR_SMALL_SCALE * 2, "bridge", str(i), "ffn2")
            # The common component (anisotropy of real sentence encoders): added to every token.
            ffn2_bias = common * (BR_ANISOTROPY * math.sqrt(HIDDEN))
        else:
            query = normal((HIDDEN, HIDDEN), BR_LAYER_SCALE, "bridge", str(i), "query")
            query_bias = np.zeros(HIDDEN)
            key = normal((HIDDEN, HIDDEN), BR_LAYER_SCALE, "bridge", str(i), "key")
            value = normal((HIDDEN, HIDDEN), BR_LAYER_SCALE, "bridge", str(i), "value")
            out = normal((HIDDEN, HIDDEN), BR_LAYER_SCALE, "bridge", str(i), "out")
            ffn1 = normal((INTERMEDIATE, HIDDEN), BR_LAYER_SCALE, "bridge", str(i), "ffn1")
            ffn2 = normal((HIDDEN, INTERMEDIATE), BR_LAYER_SCALE, "bridge", str(i), "ffn2")
            ffn2_bias = np.zeros(HIDDEN)
        t[layer + "attention.self.query.weight"] = query
        t[layer + "attention.self.query.bias"] = query_bias
        t[layer + "attention.self.key.weight"] = key
        t[layer + "attention.self.key.bias"] = np.zeros(HIDDEN)
        t[layer + "attention.self.value.weight"] = value
        t[layer + "attention.self.value.bias"] = np.zeros(HIDDEN)
        t[layer + "attention.output.dense.weight"] = out
        t[layer + "attention.output.dense.bias"] = np.zeros(HIDDEN)
        t[layer + "attention.output.LayerNorm.weight"] = np.ones(HIDDEN)
        t[layer + "attention.output.LayerNorm.bias"] = np.zeros(HIDDEN)
        t[layer + "intermediate.dense.weight"] = ffn1
        t[layer + "intermediate.dense.bias"] = np.zeros(INTERMEDIATE)
        t[layer + "output.dense.weight"] = ffn2
        t[layer + "output.dense.bias"] = ffn2_bias
        t[layer + "output.LayerNorm.weight"] = np.ones(HIDDEN)
        t[layer + "output.LayerNorm.bias"] = np.zeros(HIDDEN)
    t["pooler.dense.weight"] = normal((HIDDEN, HIDDEN), BR_LAYER_SCALE, "bridge", "pooler")
    t["pooler.dense.bias"] = np.zeros(HIDDEN)
    return {k: f32(v) for k, v in t.items()}


# --------------------------------------------------------------------------------------------
# Writers: safetensors, tokenizer files, configs
# --------------------------------------------------------------------------------------------

def write_bytes(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_json(path, obj, sort_keys=True):
    text = json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"
    write_bytes(path, text.encode("utf-8"))


def write_safetensors(path, tensors):
    """safetensors: u64 LE header length, JSON header (space-padded to 8 bytes), raw F32 LE data."""
    header = {"__metadata__": {"format": "pt"}}
    blobs, offset = [], 0
    for name in sorted(tensors):
        array = np.ascontiguousarray(tensors[name], dtype="<f4")
        data = array.tobytes()
        header[name] = {"dtype": "F32", "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * ((8 - len(encoded) % 8) % 8)
    write_bytes(path, struct.pack("<Q", len(encoded)) + encoded + b"".join(blobs))


def tokenizer_json(tokens, settings):
    special = [{"id": i, "content": s, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": False, "special": True} for i, s in enumerate(SPECIALS)]
    cls = {"SpecialToken": {"id": "[CLS]", "type_id": 0}}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": special,
        "normalizer": {"type": "BertNormalizer", "clean_text": True,
                       "handle_chinese_chars": settings["chinese"],
                       "strip_accents": settings["strip_accents"],
                       "lowercase": settings["lowercase"]},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [cls, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [cls, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [CLS_ID], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [SEP_ID], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": MAX_INPUT_CHARS_PER_WORD,
                  "vocab": {t: i for i, t in enumerate(tokens)}},
    }


def special_tokens_map():
    return {"cls_token": "[CLS]", "mask_token": "[MASK]", "pad_token": "[PAD]",
            "sep_token": "[SEP]", "unk_token": "[UNK]"}


def tokenizer_config(settings, max_length):
    return {
        "added_tokens_decoder": {str(i): {"content": s, "lstrip": False, "normalized": False,
                                          "rstrip": False, "single_word": False, "special": True}
                                 for i, s in enumerate(SPECIALS)},
        "clean_up_tokenization_spaces": True,
        "cls_token": "[CLS]",
        "do_basic_tokenize": True,
        "do_lower_case": settings["lowercase"],
        "mask_token": "[MASK]",
        "model_max_length": max_length,
        "never_split": None,
        "pad_token": "[PAD]",
        "sep_token": "[SEP]",
        "strip_accents": settings["strip_accents"],
        "tokenize_chinese_chars": settings["chinese"],
        "tokenizer_class": "BertTokenizer",
        "unk_token": "[UNK]",
    }


def write_tokenizer(folder, tokens, settings, max_length):
    write_json(folder / "tokenizer.json", tokenizer_json(tokens, settings), sort_keys=False)
    write_json(folder / "tokenizer_config.json", tokenizer_config(settings, max_length))
    write_json(folder / "special_tokens_map.json", special_tokens_map())
    write_bytes(folder / "vocab.txt", ("\n".join(tokens) + "\n").encode("utf-8"))


def bert_config(architecture, vocab_size):
    return {
        "architectures": [architecture],
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "gradient_checkpointing": False,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": HIDDEN,
        "initializer_range": 0.02,
        "intermediate_size": INTERMEDIATE,
        "layer_norm_eps": LN_EPS,
        "max_position_embeddings": MAX_POSITIONS,
        "model_type": "bert",
        "num_attention_heads": HEADS,
        "num_hidden_layers": LAYERS,
        "pad_token_id": PAD_ID,
        "position_embedding_type": "absolute",
        "tie_word_embeddings": True,
        "torch_dtype": "float32",
        "transformers_version": TRANSFORMERS_VERSION,
        "type_vocab_size": TYPE_VOCAB,
        "use_cache": True,
        "vocab_size": vocab_size,
    }


def write_english(out, model):
    folder = out / "splade-tiny-en"
    write_json(folder / "config.json", bert_config("BertForMaskedLM", len(model.vocab)))
    write_safetensors(folder / "model.safetensors", model.tensors)
    write_tokenizer(folder, model.vocab, tokenizer_settings("en"), MAX_POSITIONS)


def write_bridge(out, model):
    folder = out / "bridge-tiny-multi"
    write_json(folder / "config.json", bert_config("BertModel", len(model.vocab)))
    write_safetensors(folder / "model.safetensors", model.tensors)
    write_tokenizer(folder, model.vocab, tokenizer_settings("bridge"), MAX_POSITIONS)
    write_json(folder / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ], sort_keys=False)
    write_json(folder / "sentence_bert_config.json", {"max_seq_length": 128, "do_lower_case": False},
               sort_keys=False)
    write_json(folder / "config_sentence_transformers.json", {
        "__version__": {"sentence_transformers": SENTENCE_TRANSFORMERS_VERSION,
                        "transformers": TRANSFORMERS_VERSION, "pytorch": TORCH_VERSION},
        "prompts": {}, "default_prompt_name": None, "similarity_fn_name": "cosine"},
        sort_keys=False)
    write_json(folder / "1_Pooling" / "config.json", {
        "word_embedding_dimension": HIDDEN,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True}, sort_keys=False)
    write_bytes(folder / "2_Normalize" / ".gitkeep", b"")


def write_targets(out, vocabs):
    for lang in TARGETS:
        write_tokenizer(out / "tokenizers" / lang, vocabs[lang], tokenizer_settings(lang),
                        MAX_POSITIONS)


# --------------------------------------------------------------------------------------------
# numpy forward pass, as in HF transformers' BertModel / BertForMaskedLM (eval mode)
# --------------------------------------------------------------------------------------------

def erf(x):
    """Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7), enough for a check of float32 models."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                                                                          + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def gelu(x):
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def layer_norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LN_EPS) * weight + bias


def linear(x, tensors, name):
    weight = tensors[name + ".weight"]
    flat = x.reshape(-1, x.shape[-1]) @ weight.T + tensors[name + ".bias"]
    return flat.reshape(x.shape[:-1] + (weight.shape[0],))


def bert_hidden(tensors, prefix, ids, mask, word_embeddings=None):
    t = tensors
    words = t[prefix + "embeddings.word_embeddings.weight"] if word_embeddings is None else word_embeddings
    length = ids.shape[1]
    x = (words[ids] + t[prefix + "embeddings.token_type_embeddings.weight"][0]
         + t[prefix + "embeddings.position_embeddings.weight"][:length])
    x = layer_norm(x, t[prefix + "embeddings.LayerNorm.weight"], t[prefix + "embeddings.LayerNorm.bias"])
    additive = (1.0 - mask[:, None, None, :]) * np.finfo(np.float32).min
    batch = ids.shape[0]
    for i in range(LAYERS):
        p = f"{prefix}encoder.layer.{i}."

        def heads(y):
            return y.reshape(batch, length, HEADS, HEAD_DIM).transpose(0, 2, 1, 3)

        q = heads(linear(x, t, p + "attention.self.query"))
        k = heads(linear(x, t, p + "attention.self.key"))
        v = heads(linear(x, t, p + "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(HEAD_DIM) + additive
        scores = scores - scores.max(-1, keepdims=True)
        probs = np.exp(scores)
        probs = probs / probs.sum(-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, HIDDEN)
        x = layer_norm(linear(context, t, p + "attention.output.dense") + x,
                       t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"])
        inner = gelu(linear(x, t, p + "intermediate.dense"))
        x = layer_norm(linear(inner, t, p + "output.dense") + x,
                       t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"])
    return x


def pad_batch(sequences):
    length = max(len(s) for s in sequences)
    ids = np.full((len(sequences), length), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(sequences), length), dtype=np.float64)
    for i, s in enumerate(sequences):
        ids[i, : len(s)] = s
        mask[i, : len(s)] = 1.0
    return ids, mask


def splade_vectors(tensors, sequences, word_embeddings=None, decoder_bias=None, batch_size=16):
    """SPLADE vectors: max over positions of log(1 + ReLU(MLM logits)), masked; [n, vocab]."""
    t = {k: v.astype(np.float64) for k, v in tensors.items()}
    words = t["bert.embeddings.word_embeddings.weight"] if word_embeddings is None else word_embeddings
    bias = t["cls.predictions.bias"] if decoder_bias is None else decoder_bias
    result = np.zeros((len(sequences), words.shape[0]))
    for start in range(0, len(sequences), batch_size):
        ids, mask = pad_batch(sequences[start: start + batch_size])
        h = bert_hidden(t, "bert.", ids, mask, words)
        h = gelu(linear(h, t, "cls.predictions.transform.dense"))
        h = layer_norm(h, t["cls.predictions.transform.LayerNorm.weight"],
                       t["cls.predictions.transform.LayerNorm.bias"])
        logits = (h.reshape(-1, HIDDEN) @ words.T + bias).reshape(h.shape[0], h.shape[1], -1)
        weights = np.log1p(np.maximum(logits, 0.0)) * mask[:, :, None]
        result[start: start + len(ids)] = weights.max(axis=1)
    return result


def bridge_embeddings(tensors, tokenizer, texts, batch_size=512):
    """sentence-transformers: Transformer -> mean pooling over the attention mask -> L2 normalize."""
    t = {k: v.astype(np.float64) for k, v in tensors.items()}
    sequences = [tokenizer.encode(text, 128) for text in texts]
    order = sorted(range(len(texts)), key=lambda i: (len(sequences[i]), i))
    result = np.zeros((len(texts), HIDDEN))
    for start in range(0, len(order), batch_size):
        chunk = order[start: start + batch_size]
        ids, mask = pad_batch([sequences[i] for i in chunk])
        h = bert_hidden(t, "", ids, mask)
        pooled = (h * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        pooled = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        result[chunk] = pooled
    return result


# --------------------------------------------------------------------------------------------
# SemBridge in miniature (diagnostic figures: what the Java implementation should roughly see)
# --------------------------------------------------------------------------------------------

def entmax(z, alpha, iterations=60):
    """alpha-entmax over the last axis by bisection on tau (alpha > 1)."""
    zs = (alpha - 1.0) * z
    top = zs.max(-1, keepdims=True)
    lo = top - 1.0
    hi = top - (1.0 / z.shape[-1]) ** (alpha - 1.0)
    power = 1.0 / (alpha - 1.0)
    for _ in range(iterations):
        tau = (lo + hi) / 2.0
        total = (np.maximum(zs - tau, 0.0) ** power).sum(-1, keepdims=True)
        lo = np.where(total >= 1.0, tau, lo)
        hi = np.where(total >= 1.0, hi, tau)
    p = np.maximum(zs - (lo + hi) / 2.0, 0.0) ** power
    return p / p.sum(-1, keepdims=True)


def canonical(token):
    return token[2:] if token.startswith("##") else "\u2581" + token


def transfer(source_vocab, source_rows, source_bias, target_vocab, bridge_src, bridge_tgt, alpha,
             top_k=128):
    """Overlap copy + alpha-entmax over bridge cosines to all source tokens. Computed on the top-k
    cosines; rows whose k-th weight is not 0 (support may be larger) are redone on the full row."""
    source_index = {}
    for i, t in enumerate(source_vocab):
        source_index.setdefault(canonical(t), i)
    rows = np.zeros((len(target_vocab), HIDDEN))
    bias = np.zeros(len(target_vocab))
    choices, supports, pending = {}, [], []
    for x, t in enumerate(target_vocab):
        i = source_index.get(canonical(t))
        if i is not None:
            rows[x] = source_rows[i]
            bias[x] = source_bias[i]
            choices[x] = [(i, 1.0)]
        else:
            pending.append(x)
    for start in range(0, len(pending), 512):
        block = pending[start: start + 512]
        sims = bridge_tgt[block] @ bridge_src.T
        candidates = np.argpartition(-sims, top_k, axis=1)[:, :top_k]
        order = np.argsort(-np.take_along_axis(sims, candidates, axis=1), axis=1, kind="stable")
        candidates = np.take_along_axis(candidates, order, axis=1)
        p = entmax(np.take_along_axis(sims, candidates, axis=1), alpha)
        full = np.nonzero(p[:, -1] > 0.0)[0]
        full_weights = dict(zip(full.tolist(), entmax(sims[full], alpha))) if len(full) else {}
        for r, x in enumerate(block):
            if r in full_weights:
                weights = full_weights[r]
                support = [(int(i), float(weights[i])) for i in np.nonzero(weights > 0)[0]]
            else:
                support = [(int(candidates[r, j]), float(p[r, j])) for j in range(top_k) if p[r, j] > 0]
            supports.append(len(support))
            choices[x] = support
            ids = np.array([i for i, _ in support])
            w = np.array([v for _, v in support])
            rows[x] = w @ source_rows[ids]
            bias[x] = float(w @ source_bias[ids])
    return rows, bias, supports, choices


def ndcg_at_10(vectors_docs, doc_ids, vectors_queries, query_ids, qrels):
    """Mean nDCG@10 (trec_eval ndcg_cut.10: gain = relevance level) over queries with judgements."""
    scores = vectors_queries @ vectors_docs.T
    values = []
    for q, qid in enumerate(query_ids):
        judged = qrels.get(qid)
        if not judged:
            continue
        order = sorted(range(len(doc_ids)), key=lambda d: (-scores[q, d], doc_ids[d]))[:10]
        dcg = sum(judged.get(doc_ids[d], 0) / math.log2(rank + 2) for rank, d in enumerate(order))
        ideal = sorted(judged.values(), reverse=True)[:10]
        idcg = sum(g / math.log2(rank + 2) for rank, g in enumerate(ideal))
        values.append(dcg / idcg if idcg > 0 else 0.0)
    return float(np.mean(values)) if values else float("nan")


def retrieval(tensors, tokenizer, corpus, word_embeddings=None, decoder_bias=None):
    docs, queries, qrels = corpus
    if not docs or not queries or not qrels:
        return float("nan")
    d = splade_vectors(tensors, [tokenizer.encode(text) for _, text, _ in docs], word_embeddings, decoder_bias)
    q = splade_vectors(tensors, [tokenizer.encode(text) for _, text in queries], word_embeddings, decoder_bias)
    return ndcg_at_10(d, [i for i, _, _ in docs], q, [i for i, _ in queries], qrels)


# --------------------------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------------------------

def english_sentences(corpora, count):
    sentences = []
    for _, _, text in corpora["en"][0]:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if len(sentence.split()) >= 3:
                sentences.append(sentence.strip())
    return sentences[:count]


def check_english(model, tokenizer, corpora, figures, log):
    sentences = english_sentences(corpora, 20)
    sequences = [tokenizer.encode(s) for s in sentences]
    weights = splade_vectors(model.tensors, sequences)
    passed, nonzero, expansions, covered, content_total = 0, [], [], 0, 0
    examples = []
    for sentence, sequence, w in zip(sentences, sequences, weights):
        present = {model.vocab[i] for i in sequence}
        concepts = {c for t in present for c in model.token_concepts.get(t, [])}
        order = np.argsort(-w, kind="stable")[:10]
        top = [(model.vocab[i], float(w[i])) for i in order if w[i] > 0]
        bad = [t for t, _ in top
               if t in model.stopwords or not any(ch.isalnum() for ch in t)
               or not (t in present or set(model.token_concepts.get(t, [])) & concepts)]
        content = [t for t in present if t not in model.stopwords and t not in SPECIALS
                   and any(ch.isalnum() for ch in t) and not t.startswith("##") and len(t) > 1]
        content_total += len(content)
        covered += sum(1 for t in content if w[model.vocab.index(t)] > 0)
        nonzero.append(int(np.sum(w > 0)))
        expansions.append(sum(1 for t, _ in top if t not in present))
        if not bad:
            passed += 1
        else:
            log(f"  FAIL {sentence!r}: {bad} in {top}")
        if len(examples) < 3:
            examples.append((sentence, top))
    figures["en_sentences"] = len(sentences)
    figures["en_passed"] = passed
    figures["en_nonzero"] = float(np.mean(nonzero))
    figures["en_expansions"] = float(np.mean(expansions))
    figures["en_coverage"] = covered / max(1, content_total)
    figures["en_examples"] = examples
    log(f"(a) SPLADE top-10: {passed}/{len(sentences)} sentences clean; "
        f"{figures['en_nonzero']:.1f} non-zero terms per sentence; "
        f"{figures['en_expansions']:.1f} expansion terms in the top 10; "
        f"{100 * figures['en_coverage']:.1f}% of content words weighted")
    for sentence, top in examples:
        log(f"    {sentence}\n      -> " + ", ".join(f"{t} {v:.2f}" for t, v in top))
    return passed == len(sentences) > 0


def check_bridge(bridge, tokenizer, lexicon, corpora, figures, log):
    ok = True
    figures["bridge"] = {}
    figures["parallel"] = {}
    en_docs = corpora["en"][0]
    en_vectors = bridge_embeddings(bridge.tensors, tokenizer, [text for _, text, _ in en_docs])
    for lang in TARGETS:
        concepts = [c for c, words in enumerate(lexicon.words) if words["en"] and words[lang]]
        en = bridge_embeddings(bridge.tensors, tokenizer, [lexicon.words[c]["en"][0] for c in concepts])
        tg = bridge_embeddings(bridge.tensors, tokenizer, [lexicon.words[c][lang][0] for c in concepts])
        sims = en @ tg.T
        forward = np.argmax(sims, axis=1)
        backward = np.argmax(sims, axis=0)
        mutual = sum(1 for i in range(len(concepts)) if forward[i] == i and backward[i] == i)
        fraction = mutual / len(concepts)
        diagonal = float(np.mean(np.diag(sims)))
        off = float((sims.sum() - np.trace(sims)) / (sims.size - len(concepts)))
        figures["bridge"][lang] = (mutual, len(concepts), fraction, diagonal, off)
        misses = [f"{lexicon.words[c]['en'][0]}/{lexicon.words[c][lang][0]}"
                  for i, c in enumerate(concepts) if not (forward[i] == i and backward[i] == i)]
        figures.setdefault("bridge_misses", {})[lang] = misses
        log(f"(b) bridge en<->{lang}: {mutual}/{len(concepts)} = {100 * fraction:.1f}% mutual nearest "
            f"neighbours; mean cosine translation {diagonal:.3f}, other concepts {off:.3f}; "
            f"misses: {' '.join(misses) or 'none'}")
        ok = ok and fraction >= 0.9
        docs = {doc_id: text for doc_id, text, _ in corpora[lang][0]}
        shared = [i for i, (doc_id, _, _) in enumerate(en_docs) if doc_id in docs]
        if shared:
            tv = bridge_embeddings(bridge.tensors, tokenizer, [docs[en_docs[i][0]] for i in shared])
            hits = np.argmax(en_vectors[shared] @ tv.T, axis=1) == np.arange(len(shared))
            figures["parallel"][lang] = (int(hits.sum()), len(shared))
            log(f"    bridge passage retrieval en->{lang}: the parallel passage ranks first for "
                f"{int(hits.sum())}/{len(shared)}")
    return ok


def check_transfer(en_model, bridge, bridge_tokenizer, target_vocabs, lexicon, corpora, figures, log):
    """Miniature SemBridge from splade-tiny-en to each target (reference figures, not asserted)."""
    source_rows = en_model.tensors["bert.embeddings.word_embeddings.weight"].astype(np.float64)
    source_bias = en_model.tensors["cls.predictions.bias"].astype(np.float64)
    en_tokenizer = Tokenizer(en_model.vocab, tokenizer_settings("en"))
    bridge_src = bridge_embeddings(bridge.tensors, bridge_tokenizer, en_model.vocab)
    figures["en_ndcg"] = retrieval(en_model.tensors, en_tokenizer, corpora["en"])
    log(f"    demo retrieval en (splade-tiny-en): nDCG@10 {figures['en_ndcg']:.3f}")
    figures["transfer"] = {}
    for lang in TARGETS:
        vocab = target_vocabs[lang]
        tokenizer = Tokenizer(vocab, tokenizer_settings(lang))
        bridge_tgt = bridge_embeddings(bridge.tensors, bridge_tokenizer, vocab)
        index = {t: i for i, t in enumerate(vocab)}
        result = {"base": retrieval(en_model.tensors, en_tokenizer, corpora[lang])}
        for alpha in (4.0, 2.0):
            rows, bias, supports, choices = transfer(en_model.vocab, source_rows, source_bias, vocab,
                                                     bridge_src, bridge_tgt, alpha)
            correct = total = 0
            for c, words in enumerate(lexicon.words):
                if not words[lang] or words[lang][0] not in index:
                    continue
                support = choices[index[words[lang][0]]]
                if len(support) == 1 and support[0][1] == 1.0 and \
                        canonical(words[lang][0]) == canonical(en_model.vocab[support[0][0]]):
                    continue
                best = max(support, key=lambda pair: pair[1])[0]
                total += 1
                correct += c in en_model.token_concepts.get(en_model.vocab[best], [])
            mapped = retrieval(en_model.tensors, tokenizer, corpora[lang], rows, bias)
            result[alpha] = {"support_mean": float(np.mean(supports)),
                             "support_median": float(np.median(supports)),
                             "p_at_1": correct / max(1, total), "words": total,
                             "copied": len(vocab) - len(supports), "ndcg_mapped": mapped}
            if alpha == 4.0:
                resized = np.zeros(len(vocab))
                shared = min(len(vocab), len(source_bias))
                resized[:shared] = source_bias[:shared]
                result[alpha]["ndcg_resized"] = retrieval(en_model.tensors, tokenizer, corpora[lang],
                                                          rows, resized)
                texts = corpus_texts(corpora, lang)[:1]
                terms = []
                if texts:
                    w = splade_vectors(en_model.tensors, [tokenizer.encode(texts[0])], rows, bias)[0]
                    order = np.argsort(-w, kind="stable")[:10]
                    terms = [(vocab[i], float(w[i])) for i in order if w[i] > 0]
                result["terms"] = (texts[0] if texts else "", terms)
        sims = bridge_tgt @ bridge_src.T
        soft = np.exp(sims - sims.max(1, keepdims=True))
        result["softmax_max"] = float((soft.max(1) / soft.sum(1)).mean())
        figures["transfer"][lang] = result
        a4, a2 = result[4.0], result[2.0]
        log(f"    transfer en->{lang}: {a4['copied']} tokens copied (overlap); alpha=4: support mean "
            f"{a4['support_mean']:.2f} median {a4['support_median']:.0f}, P@1 {100 * a4['p_at_1']:.1f}% "
            f"of {a4['words']} words, nDCG@10 {a4['ndcg_mapped']:.3f} (bias resized by index: "
            f"{a4['ndcg_resized']:.3f}); alpha=2: support mean {a2['support_mean']:.2f} median "
            f"{a2['support_median']:.0f}, P@1 {100 * a2['p_at_1']:.1f}%, nDCG@10 {a2['ndcg_mapped']:.3f}; "
            f"softmax max weight {result['softmax_max']:.4f}; no transfer nDCG@10 {result['base']:.3f}")
        sentence, terms = result["terms"]
        if sentence:
            log(f"      {sentence[:70]}\n      -> " + ", ".join(f"{t} {v:.2f}" for t, v in terms))


# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------

README = """# Sample models

Small models in the real Hugging Face formats that behave like the real kind, so that SemBridge
Workbench runs end to end without downloading anything. They are **generated**, not trained:
`generator/generate_sample_models.py` (python3 + numpy only) constructs every weight. Do not edit
the files by hand; change the generator and regenerate.

| folder | what it is | stands in for |
|---|---|---|
| `splade-tiny-en/` | `BertForMaskedLM`, tied decoder, hidden 128, 2 layers, 4 heads, FFN 512; English WordPiece vocabulary of {en_vocab} tokens | naver/splade-v3, Splade_PP_en_v1 (BERT, 30,522 tokens) |
| `bridge-tiny-multi/` | sentence-transformers folder: bare `BertModel` (same shape) + mean pooling + normalize; multilingual WordPiece vocabulary of {bridge_vocab} tokens | BAAI/bge-m3 (the paper's bridge) |
| `tokenizers/ko` | WordPiece, {ko_vocab} tokens, cased, Korean particles as `##` pieces | kobigbird-bert-base |
| `tokenizers/ru` | WordPiece, {ru_vocab} tokens, cased | rubert-base-cased |
| `tokenizers/ar` | WordPiece, {ar_vocab} tokens, lower-cased (Latin) | ARBERT |
| `tokenizers/hi` | WordPiece, {hi_vocab} tokens | hindi-bert-v2 |
| `tokenizers/zh` | WordPiece, {zh_vocab} tokens, character level (`handle_chinese_chars` true) | bart-base-chinese / bert-base-chinese |

Special tokens are the same in every tokenizer: `[PAD]`=0, `[UNK]`=1, `[CLS]`=2, `[SEP]`=3,
`[MASK]`=4 (config `pad_token_id` 0). A single text is encoded as `[CLS] ... [SEP]`, token type 0.

## Files and sizes

{size_table}

Total: {total_bytes:,} bytes = {total_mb:.2f} MiB (limit 30 MiB).

`model.safetensors` holds F32 tensors with Hugging Face's names: `bert.embeddings.*`,
`bert.encoder.layer.{{0,1}}.*`, `cls.predictions.transform.*` and `cls.predictions.bias` for the
SPLADE model (no `cls.predictions.decoder.weight`: the decoder is tied to
`bert.embeddings.word_embeddings.weight`, as `save_pretrained` writes it); bare `embeddings.*`,
`encoder.layer.*`, `pooler.dense.*` for the bridge (the pooler is unused by sentence-transformers
but present, as in real checkpoints). Linear weights are `[out, in]`. The header is written in
sorted name order with `"__metadata__": {{"format": "pt"}}` and padded with spaces to 8 bytes.

Normalizers (HF `BertNormalizer`, all with `clean_text` true):

| tokenizer | lowercase | strip_accents | handle_chinese_chars |
|---|---|---|---|
| splade-tiny-en | true | null (so: stripped, as bert-base-uncased) | true |
| bridge-tiny-multi | true | false | **false** |
| ko, ru | false | false | true |
| ar, hi, zh | true | false | true |

Why the bridge keeps `handle_chinese_chars` **false**: the paper's bridge (bge-m3, XLM-R
SentencePiece) does not cut Chinese into single characters; it has multi-character pieces. With the
flag false a Chinese clause stays one pre-token, and greedy longest-match WordPiece over a
vocabulary holding every Chinese lexicon word (and its `##` form) plus every common character
(and its `##` form) segments it into words, much like SentencePiece does. So `房子` is one token
whose vector is the concept vector, and a lone character such as `房` still has a vector of its
own (see below). `strip_accents` is false in the bridge and the target tokenizers because
stripping would destroy Hindi matras and viramas (category Mn), decompose Hangul into jamo and
turn Russian `й` into `и`; the English tokenizer keeps bert-base-uncased's behaviour.

## Vocabularies

- English: the specials, ASCII punctuation, digits, a-z, a few symbols, `##` forms of letters and
  digits, {en_suffixes} common `##` suffix pieces, the English stopwords, the common English words of
  `generator/english_common_words.txt`, every English lexicon word and every word of the English demo
  corpus and queries.
- Targets: the specials, ASCII and script punctuation, digits, Latin letters (both cases where
  cased), the script's characters (Korean: the 2,350 KS X 1001 syllables; Chinese: the 3,755 GB 2312
  level-1 characters; Russian, Arabic, Hindi: the alphabet / Unicode block) plus every character of
  the lexicon and the corpus, the `##` form of every character, suffix pieces (Korean particles and
  endings such as `##에서 ##은 ##는 ##이 ##가 ##을 ##를 ##의 ##에 ##도 ##와 ##과 ##들`; Russian case
  endings; Arabic and Hindi suffixes), {overlap_words} English words that real target vocabularies
  also hold (`the`, `internet`, `email`, ...), the stopwords, every lexicon word and every corpus word
  as a whole token. Korean corpus words that are a lexicon or corpus word plus a particle are left to
  WordPiece (`집에서` -> `집 ##에서`), as in a real Korean vocabulary. Chinese is character-level
  (no multi-character tokens, like bert-base-chinese).
- Bridge: the union of all the above, lower-cased, plus the bare form of every `##` piece (a
  vocabulary token embedded as a standalone text such as `##ing` is read as `# # ing`), the `##`
  form of every CJK character and Chinese word, and every lexicon word of the six languages.

## How the weights were constructed (and why they behave like the real kind)

Common to both models: hidden vectors live in R^128; every random direction is drawn from a seed
derived from a fixed name and the token string (SHA-256 -> numpy `RandomState`), so adding a word
to the corpus does not move any other token. LayerNorm weights are 1 and biases 0 unless stated.

**Concepts.** Each lexicon concept c gets a unit vector: sqrt(0.15) x (its topic's vector) +
sqrt(0.85) x (its own), so concepts of one topic have cosine ~0.15 (like related words in a real
space). The SPLADE model and the bridge use different, independent concept vectors (they are
different models).

**splade-tiny-en.**
- Word embedding row of token v: E[v] = u(v) + m(v) x (1, ..., 1). The direction part u(v) is a
  unit vector with mean 0 (orthogonal to the all-ones vector): for an English lexicon word w,
  0.8 x concept(w) + 0.6 x own(w), so `house` and `home` have cosine 0.64 and everything else
  ~0 +- 0.09; inflected forms of lexicon words (`houses`, `teaching`) use weight 0.7; every other
  token its own random unit vector. The all-ones part m(v) = offset(v) / 128 is the token's
  *threshold channel* (below).
- Position and token-type embeddings: N(0, 0.01^2); attention and FFN weights N(0, 0.02^2), biases 0:
  the residual stream keeps the identity of its token (the two layers move it by a few percent).
- MLM head: transform dense = 0.2 I + N(0, 0.002^2) with bias +4 in every dimension, so GELU works
  in its linear range and the following LayerNorm removes the shift; that LayerNorm has weight 1
  and bias **+{head_beta:g} in every dimension**. Its output at a position is n + {head_beta:g} x (1, ..., 1)
  where n (mean 0, norm ~sqrt(128) = 11.3) points along the direction part of its input token.
- Threshold channel, the arithmetic. The embedding LayerNorm subtracts the mean over the 128
  dimensions of word + position + type embedding; the mean of E[v] is m(v) (u has mean 0), so
  m(v) is removed exactly, before the variance is taken: the encoder never sees it and
  normalises the other dimensions as if it were not there (a single reserved dimension would
  enter the variance and rescale every token differently). In the head, with the tied decoder,
  logit(v) = <E[v], n + {head_beta:g} x 1> + bias(v) = <u(v), n> + m(v) x sum(n) + {head_beta:g} x sum(u(v))
  + 128 x {head_beta:g} x m(v) + bias(v) = ~11.3 x cos(token, u(v)) + offset(v) + bias(v), because
  sum(n) = 0 (LayerNorm output) and sum(u(v)) = 0.
- Offsets (in the rows, not in the decoder bias): -{threshold} for content words (self logit ~ +5.5,
  synonym logit ~ +1.7, unrelated ~ -5.5 +- 1), shifted +1 for lexicon words, +0.5 for their
  inflected forms and down to -2.5 for the most frequent words of the common-word list (linearly
  less for rarer ones: an IDF-like prior, as trained SPLADE models have); -7 for `##` pieces, -9
  for single characters, -20 for stopwords and punctuation, -30 for the special tokens. So
  m(v) = -0.043 for a content word, -0.16 for a stopword.
- Decoder bias `cls.predictions.bias`: N(0, {bias_scale:g}^2) per token, small like a trained
  model's. The behaviour does not depend on it.
- Why this matters for SemBridge: every transferred row is a copy of an English row (overlap)
  or a convex combination sum_i w_i E_s[i] with sum_i w_i = 1, whose all-ones part is
  sum_i w_i m(i): a target token built from content words gets a content word's threshold, one
  built from stopwords a stopword's, whatever happens to the decoder bias (mapped with the same
  weights, or resized by index with 0 beyond the English vocabulary).
- Result: log(1 + ReLU(logits)) max-pooled over positions puts weight ~2.0 on the lexicon words of
  the text, ~1.4-1.9 on its other content words and ~1.0 on the lexicon synonyms (document
  expansion, as SPLADE does), none on stopwords.

**bridge-tiny-multi.** Four reserved directions: the all-ones direction (LayerNorm removes it), a
*special* direction, a *function* direction and a *common* direction; concept and word vectors
live in the other 124 dimensions.
- Word embedding of a lexicon word in any of the six languages: concept vector + noise of norm
  {br_noise} (the concept vector is shared across languages: that is the bridge). Inflected forms
  (English `houses`, Russian `книги`, Arabic `الكتاب`, Hindi `पेड़ों`, Korean `집에서`): noise
  {br_inflected}. A Chinese character: the weighted mean of the concepts of the Chinese lexicon words that
  contain it (noise {br_char}). Stopwords of all six languages, Korean particles, suffix pieces,
  punctuation and single non-CJK letters: 0.6 x function + 0.8 x own. [CLS] [SEP] [PAD] [UNK]
  [MASK]: the special direction. Everything else: its own random direction.
- Layer 0 attention: every query asks for the same key direction; keys score -3 per unit of the
  special direction and -0.35 per unit of the function direction, so [CLS]/[SEP] get no attention
  and function tokens ~0.09 of a content token's. Values are 8 x the token without its special
  and common parts and the output dense is I: every position (also [CLS] and [SEP]) becomes the
  weighted mean of the text's content words. Function tokens keep their shared function
  direction, so a target stopword lands near English stopwords (whose SPLADE offset is -20). The
  FFN adds a constant 0.65 x sqrt(128) along the common direction to every token: the anisotropy
  of real sentence encoders (unrelated words have cosine ~{br_offdiag}, not 0).
- Layer 1: small random weights (N(0, 0.02^2)).
- Mean pooling + normalize then gives, for a single word, its concept vector (translations:
  cosine ~{br_diag}) and for a sentence the normalized mean of its content words.
- Why the cosine scale matters: entmax has no temperature, so the method's behaviour depends on
  the raw cosines. With translations at ~{br_diag} and unrelated tokens at ~{br_offdiag} (bge-m3 has
  a similar spread), alpha = 4 keeps a handful of source tokens and softmax (alpha = 1) spreads the
  weight over the whole vocabulary, as the paper reports.

## Self-check (run by the generator, which fails if (a), (b) or (c) fail)

The generator re-implements HF's BertNormalizer + BertPreTokenizer + WordPiece and the
BertModel / BertForMaskedLM forward pass in numpy and checks the written models:

(a) SPLADE on the first {en_sentences} sentences of the English demo corpus: top-10 terms (those
with weight > 0) free of stopwords and punctuation and made only of the sentence's content words
and the lexicon synonyms of them or of their lemma (`noticed` -> `notice`, `see`) in
**{en_passed}/{en_sentences}** sentences; {en_nonzero:.1f} non-zero terms per sentence on average,
{en_expansions:.1f} expansion terms (not in the sentence) among the top 10, {en_coverage:.1f}% of the
content words weighted. Examples:

{en_examples}

(b) Bridge: each concept's first English word and first target word, each embedded as a standalone
text, are mutual nearest neighbours among all concepts' first words:

| pair | mutual nearest neighbours | mean cosine of translations | mean cosine of other concepts | parallel passage ranked first (not asserted) |
|---|---|---|---|---|
{bridge_table}

(c) Total size {total_mb:.2f} MiB < 30 MiB.

Reference figures of a miniature SemBridge transfer done by the generator (not asserted; what the
Java implementation should roughly reproduce). Every token of the English vocabulary and of the
target vocabulary is embedded with the bridge as its vocabulary string; tokens whose canonical
form (`##abc` -> `abc`, else `▁` + token) exists in the English vocabulary are copied; the others
get alpha-entmax over their cosines to all English tokens (computed on the top 128 cosines; rows
whose 128th weight is not 0 are redone on the full row), E_t = weights x E_s; the decoder bias is
mapped with the same weights ("mapped") or, as the reference implementation does, resized by index
("resized": bias_t[x] = bias_s[x], 0 beyond the English vocabulary). P@1 = the English token with
the largest weight belongs to the concept of the target language's first lexicon word (whole
tokens that are not copied). nDCG@10 on the demo collection of that language (204 passages, 40
queries, `qrels.txt`; trec_eval's gain = relevance level); "no transfer" = splade-tiny-en with its
English tokenizer on the target text. splade-tiny-en on the English collection: nDCG@10
**{en_ndcg:.3f}**.

| target | copied | alpha=4 support mean / median | alpha=4 P@1 | alpha=4 nDCG@10 mapped bias | alpha=4 nDCG@10 resized bias | alpha=2 support mean / median | alpha=2 P@1 | alpha=2 nDCG@10 | softmax max weight | no transfer nDCG@10 |
|---|---|---|---|---|---|---|---|---|---|---|
{transfer_table}

The two bias modes agree because the thresholds live in the word embedding rows (threshold
channel above), not in the decoder bias: tokens beyond the English vocabulary size get bias 0
under "resized", which differs from a mapped N(0, {bias_scale:g}^2) value by a few hundredths of a
logit. Softmax (alpha = 1,
no temperature) gives every token a largest weight close to 1 / |V_s|: the collapse the paper
describes.

Top SPLADE terms of the first demo document after the alpha=4 transfer:

{transfer_examples}

## Regenerate

From the repository root (the lexicon and demo corpora under `assets/` are the inputs):

    python3 sample-models/generator/generate_sample_models.py

It needs about 2 CPU minutes (4-8 minutes on a busy 2-core machine), prints the self-check and
rewrites every file here, README included. Determinism: fixed seeds, no time stamps, sorted JSON
keys, weights built without BLAS (elementwise numpy only); running it twice gives byte-identical
files (checked with `sha256sum`). The figures above come from float64 numpy forward passes (BLAS);
another numpy build may change a last digit of a figure, never the weights.

The generator's own tokenizer (used for the self-check) was compared once with the real Hugging
Face `tokenizers` library (through `ai.djl.huggingface:tokenizers` 0.36.0, loading the
`tokenizer.json` files written here): about 21,000 texts (all demo documents and queries, every lexicon
word, a sample of every vocabulary, and strings with accents, capitals, mixed scripts, emoji,
literal `[CLS]`, a 120-character word) gave identical ids in all seven tokenizers.

## Limits (what is not like the real models)

- The encoder layers are close to the identity: a token's output depends on the token, hardly on
  its context. So any embedding matrix with distinct rows, even a random one, still matches a
  token with itself: the Random and Gaussian baselines behave like exact lexical matching here
  instead of collapsing as in the paper (Mean gives every new token the same row and does
  collapse); what SemBridge adds on top is the cross-lingual expansion.
- Words outside the lexicon (the demo's template words, most of the corpus vocabulary) have
  random bridge vectors, so their transferred rows mix a few random English tokens and add some
  noise terms to the transferred SPLADE vectors (see the examples above).
- The vocabularies are tiny (English 3k instead of 30k); there are no `[unused]` tokens.
"""


def write_readme(out, figures, sizes, vocab_sizes):
    size_rows = ["| file | bytes |", "|---|---|"]
    for name, size in sizes:
        size_rows.append(f"| `{name}` | {size:,} |")
    examples = []
    for sentence, top in figures["en_examples"]:
        examples.append(f"- `{sentence}` -> " + ", ".join(f"`{t}` {v:.2f}" for t, v in top))
    bridge_rows = []
    for lang in TARGETS:
        mutual, count, fraction, diag, off = figures["bridge"][lang]
        hits, docs = figures["parallel"].get(lang, (0, 0))
        bridge_rows.append(f"| en-{lang} | {mutual}/{count} ({100 * fraction:.1f}%) | {diag:.3f} | {off:.3f} | "
                           f"{hits}/{docs} |")
    transfer_rows, transfer_examples = [], []
    for lang in TARGETS:
        r = figures["transfer"][lang]
        a4, a2 = r[4.0], r[2.0]
        transfer_rows.append(
            f"| {lang} | {a4['copied']} | {a4['support_mean']:.2f} / {a4['support_median']:.0f} | "
            f"{100 * a4['p_at_1']:.1f}% of {a4['words']} | {a4['ndcg_mapped']:.3f} | {a4['ndcg_resized']:.3f} | "
            f"{a2['support_mean']:.2f} / {a2['support_median']:.0f} | {100 * a2['p_at_1']:.1f}% | "
            f"{a2['ndcg_mapped']:.3f} | {r['softmax_max']:.4f} | {r['base']:.3f} |")
        sentence, terms = r["terms"]
        if sentence:
            transfer_examples.append(f"- {lang}: `{sentence}` -> "
                                     + ", ".join(f"`{t}` {v:.2f}" for t, v in terms))
    misses = [f"{lang}: " + ", ".join(f"`{m}`" for m in figures["bridge_misses"][lang])
              for lang in TARGETS if figures["bridge_misses"][lang]]
    bridge_rows.append("")
    bridge_rows.append("Pairs that are not mutual nearest neighbours: " + ("; ".join(misses) or "none") +
                       " (a first word shared by two concepts, such as Korean 눈 = eye and snow, "
                       "cannot be told apart).")
    diag = np.mean([figures["bridge"][lang][3] for lang in TARGETS])
    off = np.mean([figures["bridge"][lang][4] for lang in TARGETS])
    text = README.format(
        en_vocab=f"{vocab_sizes['en']:,}", bridge_vocab=f"{vocab_sizes['bridge']:,}",
        ko_vocab=f"{vocab_sizes['ko']:,}", ru_vocab=f"{vocab_sizes['ru']:,}",
        ar_vocab=f"{vocab_sizes['ar']:,}", hi_vocab=f"{vocab_sizes['hi']:,}",
        zh_vocab=f"{vocab_sizes['zh']:,}", size_table="\n".join(size_rows),
        total_bytes=figures["total_bytes"], total_mb=figures["total_bytes"] / 1024 / 1024, en_suffixes=len(EN_SUFFIX_PIECES),
        overlap_words=len(OVERLAP_LATIN_WORDS), threshold=EN_THRESHOLD, br_noise=BR_WORD_NOISE,
        head_beta=EN_HEAD_LN_BETA, bias_scale=EN_DECODER_BIAS_SCALE,
        br_inflected=BR_INFLECTED_NOISE, br_char=BR_CHAR_NOISE, br_diag=f"{diag:.2f}",
        br_offdiag=f"{off:.2f}", en_sentences=figures["en_sentences"], en_passed=figures["en_passed"],
        en_nonzero=figures["en_nonzero"], en_expansions=figures["en_expansions"],
        en_coverage=100 * figures["en_coverage"], en_examples="\n".join(examples),
        bridge_table="\n".join(bridge_rows), transfer_table="\n".join(transfer_rows),
        en_ndcg=figures["en_ndcg"],
        transfer_examples="\n".join(transfer_examples))
    write_bytes(out / "README.md", text.encode("utf-8"))


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def main():
    here = Path(__file__).resolve().parent
    root = here.parent.parent
    parser = argparse.ArgumentParser(description="Generate the bundled sample models.")
    parser.add_argument("--assets", type=Path, default=root / "assets",
                        help="folder with lexicon/concepts.tsv and demo/<lang>/ (default: repo assets/)")
    parser.add_argument("--out", type=Path, default=here.parent,
                        help="output folder (default: sample-models/)")
    args = parser.parse_args()

    def log(message):
        print(message, flush=True)

    lexicon = Lexicon(args.assets / "lexicon" / "concepts.tsv")
    corpora = {lang: read_corpus(args.assets / "demo" / lang) for lang in LANGUAGES}
    common_words = read_common_words(here / "english_common_words.txt")
    log(f"lexicon: {len(lexicon)} concepts; corpora: "
        + ", ".join(f"{lang} {len(corpora[lang][0])} docs/{len(corpora[lang][1])} queries" for lang in LANGUAGES))

    en_vocab = build_english_vocab(lexicon, corpora, common_words)
    if len(en_vocab) < 3000:
        raise SystemExit(f"English vocabulary has {len(en_vocab)} tokens; expected >= 3000: "
                         f"add words to english_common_words.txt")
    target_vocabs = {lang: build_target_vocab(lang, lexicon, corpora) for lang in TARGETS}
    bridge_vocab = build_bridge_vocab(lexicon, en_vocab, target_vocabs)
    vocab_sizes = {"en": len(en_vocab), "bridge": len(bridge_vocab)}
    for name, tokens in [("en", en_vocab), ("bridge", bridge_vocab)] + list(target_vocabs.items()):
        pieces = sum(1 for t in tokens if t.startswith("##"))
        if pieces < MIN_CONTINUATION_PIECES:
            raise SystemExit(f"{name} vocabulary has {pieces} '##' entries; expected >= "
                             f"{MIN_CONTINUATION_PIECES} so that it is recognised as WordPiece")
    vocab_sizes.update({lang: len(v) for lang, v in target_vocabs.items()})
    log("vocabulary sizes: " + ", ".join(f"{k} {v}" for k, v in vocab_sizes.items()))

    en_model = EnglishModel(en_vocab, lexicon, common_words)
    bridge = BridgeModel(bridge_vocab, lexicon)
    kinds = {}
    for kind in bridge.kinds.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    log("bridge token kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))

    write_english(args.out, en_model)
    write_bridge(args.out, bridge)
    write_targets(args.out, target_vocabs)

    sizes = []
    for folder in ("splade-tiny-en", "bridge-tiny-multi", "tokenizers"):
        for f in sorted((args.out / folder).rglob("*")):
            if f.is_file():
                sizes.append((str(f.relative_to(args.out)), f.stat().st_size))
    figures = {"total_bytes": sum(s for _, s in sizes)}

    en_tokenizer = Tokenizer(en_vocab, tokenizer_settings("en"))
    bridge_tokenizer = Tokenizer(bridge_vocab, tokenizer_settings("bridge"))
    ok_a = check_english(en_model, en_tokenizer, corpora, figures, log)
    ok_b = check_bridge(bridge, bridge_tokenizer, lexicon, corpora, figures, log)
    ok_c = figures["total_bytes"] < SIZE_LIMIT_BYTES
    log(f"(c) total size {figures['total_bytes']:,} bytes = {figures['total_bytes'] / 1024 / 1024:.2f} MiB "
        f"(limit 30 MiB)")
    check_transfer(en_model, bridge, bridge_tokenizer, target_vocabs, lexicon, corpora, figures, log)
    write_readme(args.out, figures, sizes, vocab_sizes)
    if not (ok_a and ok_b and ok_c):
        raise SystemExit(f"self-check failed: (a) {ok_a} (b) {ok_b} (c) {ok_c}")
    log("self-check passed")


if __name__ == "__main__":
    main()
