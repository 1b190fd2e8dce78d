#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the synthetic, parallel demo retrieval collection from the concept lexicon.

Usage (from the repository root):  python3 assets/demo/generate_demo.py

Reads assets/lexicon/concepts.tsv and writes, for every language L in en ko ru ar hi zh,
assets/demo/L/corpus.jsonl, assets/demo/L/queries.tsv and assets/demo/L/qrels.txt, plus
assets/demo/passage_concepts.tsv (which concepts each passage was built from).

Everything is decided by one seeded random.Random, so two runs write identical bytes.
Standard library only.

Design:
- Every passage belongs to one topic and is built from 3-4 noun concepts of that topic (sometimes
  one extra noun from another topic as a distractor). The same concepts fill the same sentence
  templates in every language, so passage d001 says the same thing in all six languages.
- Each query names 2-3 noun concepts of one topic. Relevance is defined on concepts, not on
  words: rel 2 if a passage contains all query concepts, rel 1 if it contains at least one and
  has the query's topic.
- Where the lexicon lists synonyms, passages and queries pick a surface form independently
  (passages favour the first, most common form, queries favour another one), so a purely
  lexical ranker misses relevant passages that a semantic expansion can find.
"""
import json
import random
from pathlib import Path

SEED = 20260526
LANGS = ("en", "ko", "ru", "ar", "hi", "zh")
PASSAGES_PER_TOPIC = 12
QUERIES_PER_TOPIC = 2
EXTRA_QUERY_TOPICS = 6  # the first six topics get a third query
PLANTS_PER_QUERY = 2  # passages that are built to contain all concepts of a query
PARTIALS_PER_CONCEPT = 2  # further passages that get one concept of a query (rel 1)
DISTRACTOR_PROBABILITY = 0.2
PASSAGE_FIRST_FORM_PROBABILITY = 0.6
QUERY_OTHER_FORM_PROBABILITY = 0.6
MIN_WORDS, MAX_WORDS = 20, 40  # English word count of a passage text (3+ sentences)

# Concepts of concepts.tsv that are not nouns (the rest are nouns and fill noun slots).
VERBS = frozenset("""
sleep wash cook eat drink fly drive read study write buy sell swim run jump win throw send
see hear walk sit wait wear sing
""".split())
# Verbs that read oddly in "Many people come here to ..." are kept out of the verb sentences.
SENTENCE_VERBS = VERBS - {"wash", "throw", "send", "wear"}
ADJECTIVES = frozenset("""
small hungry sweet delicious tired beautiful big good bad happy sad hot cold wet dry strong fast
slow new old expensive cheap heavy clean dirty
""".split())

# ---------------------------------------------------------------------------------------------
# Sentence templates: one tuple per template, one string per language in LANGS order.
# {i} is slot i; {i:mode} renders the slot word with a language-specific mode:
#   ko: 은 이 을 과 이었 -> particle chosen by the final consonant (집은/사과는 ...); 기 -> verb stem + 기
#   ar: def -> ال+word, wdef -> وال+word, w -> و+word, bdef -> بال+word
#   hi: obl -> oblique infinitive (पढ़ना -> पढ़ने)
# Fixed template text avoids the lexicon's nouns, so only the slots carry query-relevant words.
# ---------------------------------------------------------------------------------------------
ONE_SLOT = (
    ("We talked about the {0} at great length.",
     "우리는 {0}에 대해 오래 대화를 나눴습니다.",
     "Мы долго говорили об одном: {0}.",
     "تحدثنا طويلا عن {0:def}.",
     "हमने बहुत देर तक एक ही चीज़ पर बात की: {0}।",
     "我们聊了很久关于{0}的事。"),
    ("Everyone here knows the {0}.",
     "이곳 사람들은 모두 {0:을} 압니다.",
     "Здесь каждый знает, что такое {0}.",
     "الجميع هنا يعرفون {0:def}.",
     "यहाँ सब जानते हैं कि {0} क्या है।",
     "这里的人都知道{0}。"),
    ("The {0} was the first thing we noticed.",
     "우리가 가장 먼저 알아차린 것은 {0:이었}습니다.",
     "Первое, что мы заметили, — {0}.",
     "أول ما لاحظناه كان {0:def}.",
     "सबसे पहले हमारा ध्यान इस पर गया: {0}।",
     "我们首先注意到的是{0}。"),
    ("Nobody here can imagine life without the {0}.",
     "이곳에서는 아무도 {0} 없는 생활을 상상하지 못합니다.",
     "Здесь никто не может обойтись без одного: {0}.",
     "لا أحد هنا يتخيل الحياة بدون {0:def}.",
     "यहाँ किसी के लिए भी {0} बहुत ज़रूरी है।",
     "这里的人离不开{0}。"),
    ("Later we wrote a few lines about the {0}.",
     "나중에 우리는 {0}에 관한 글을 몇 줄 남겼습니다.",
     "Позже мы сделали короткую заметку на тему: {0}.",
     "لاحقا كتبنا بضعة أسطر عن {0:def}.",
     "बाद में हमने इस विषय पर कुछ पंक्तियाँ लिखीं: {0}।",
     "后来我们记下了几句关于{0}的话。"),
    ("Everything stayed as it was, even the {0}.",
     "모든 것이 그대로였고, {0}도 마찬가지였습니다.",
     "Всё осталось как прежде, даже {0}.",
     "بقي كل شيء على حاله، حتى {0:def}.",
     "सब कुछ वैसा ही है, {0} भी।",
     "一切都没怎么变，{0}也还是老样子。"),
    ("Someone asked where to find the {0}.",
     "누군가 {0:이} 어디에 있는지 물었습니다.",
     "Кто-то спросил, где здесь {0}.",
     "سأل أحدهم أين {0:def}.",
     "किसी ने पूछा कि {0} कहाँ है।",
     "有人问{0}在哪里。"),
    ("Someone sent us a short letter about the {0}.",
     "누군가 {0}에 대한 짧은 편지를 보내왔습니다.",
     "Кто-то прислал нам короткое письмо на тему: {0}.",
     "أرسل لنا أحدهم خطابا قصيرا عن {0:def}.",
     "किसी ने हमें एक छोटा पत्र भेजा, विषय था: {0}।",
     "有人给我们寄来了一封关于{0}的信。"),
    ("In the end, the {0} mattered most.",
     "결국 가장 중요했던 것은 {0:이었}습니다.",
     "В итоге важнее всего оказалось одно: {0}.",
     "في النهاية، كان أهم شيء {0:def}.",
     "आख़िर में सबसे ज़रूरी चीज़ थी: {0}।",
     "最后，最重要的还是{0}。"),
    ("We like the {0} very much.",
     "우리는 {0:을} 무척 좋아합니다.",
     "Нам очень по душе {0}.",
     "نحن نحب {0:def} كثيرا.",
     "हमें {0} बहुत पसंद है।",
     "我们很喜欢{0}。"),
)

TWO_SLOTS = (
    ("Right next to the {0} you find the {1}.",
     "{0} 바로 옆에 {1:이} 있습니다.",
     "Рядом — {0}, а чуть дальше — {1}.",
     "بجانب {0:def} تجد {1:def}.",
     "पास में {0} है और थोड़ा आगे {1} है।",
     "{0}旁边就是{1}。"),
    ("Both the {0} and the {1} are part of everyday life here.",
     "{0:과} {1:은} 이곳 일상의 일부입니다.",
     "И {0}, и {1} — часть здешней жизни.",
     "{0:def} {1:wdef} جزء من الحياة اليومية هنا.",
     "{0} और {1} यहाँ की रोज़मर्रा की ज़िंदगी का हिस्सा हैं।",
     "{0}和{1}都是这里生活的一部分。"),
    ("We compared the {0} with the {1}.",
     "우리는 {0:과} {1:을} 비교했습니다.",
     "Мы сравнили две вещи: {0} и {1}.",
     "قارنا بين {0:def} {1:wdef}.",
     "हमने दो चीज़ों की तुलना की: {0} और {1}।",
     "我们把{0}和{1}比较了一下。"),
    ("Not far away are the {0} and the {1}.",
     "멀지 않은 곳에 {0:과} {1:이} 있습니다.",
     "Недалеко — {0} и {1}.",
     "هناك {0} {1:w} غير بعيد من هنا.",
     "यहाँ से दूर नहीं, {0} और {1} हैं।",
     "离这里不远有{0}和{1}。"),
    ("Whenever we think of the {0}, we also remember the {1}.",
     "{0:을} 생각하면 언제나 {1}도 떠오릅니다.",
     "Где {0}, там и {1}.",
     "كلما فكرنا في {0:def} تذكرنا {1:def}.",
     "जहाँ {0} है, वहाँ {1} भी है।",
     "一想到{0}，我们就想起{1}。"),
    ("We care about the {0} more than the {1}.",
     "우리에게는 {1}보다 {0:이} 더 중요합니다.",
     "Для нас {0} важнее, чем {1}.",
     "نهتم {0:bdef} أكثر من {1:def}.",
     "हमारे लिए {0} ज़्यादा ज़रूरी है, {1} उतना नहीं।",
     "对我们来说，{0}比{1}更重要。"),
    ("Between the {0} and the {1} there is a narrow path.",
     "{0:과} {1} 사이에는 좁은 통로가 있습니다.",
     "Между ними узкая тропинка: с одной стороны {0}, с другой {1}.",
     "بين {0:def} {1:wdef} ممر ضيق.",
     "एक तरफ़ {0} है, दूसरी तरफ़ {1}, और बीच में एक पतली पगडंडी।",
     "{0}和{1}之间有一条小径。"),
    ("Someone explained to us the difference between the {0} and the {1}.",
     "누군가 {0:과} {1}의 차이를 설명해 주었습니다.",
     "Нам объяснили, в чём разница: {0} или {1}.",
     "شرح لنا أحدهم الفرق بين {0:def} {1:wdef}.",
     "किसी ने हमें फ़र्क़ समझाया: एक तरफ़ {0}, दूसरी तरफ़ {1}।",
     "有人给我们讲了{0}和{1}的区别。"),
)

THREE_SLOTS = (
    ("This piece mentions the {0}, the {1} and the {2}.",
     "이 글에는 {0}, {1}, {2:이} 나옵니다.",
     "В этой заметке упоминаются {0}, {1} и {2}.",
     "يذكر هذا النص {0:def} {1:wdef} {2:wdef}.",
     "इस लेख में तीन चीज़ें हैं: {0}, {1} और {2}।",
     "这篇短文提到了{0}、{1}和{2}。"),
    ("We saw the {0}, the {1} and even the {2}.",
     "우리는 {0}, {1}, 그리고 {2}까지 보았습니다.",
     "Мы увидели всё: {0}, {1} и даже {2}.",
     "رأينا {0:def} {1:wdef} وحتى {2:def}.",
     "हमने सब कुछ देखा: {0}, {1} और {2} भी।",
     "我们发现了{0}、{1}，甚至还有{2}。"),
    ("Here you will find the {0}, the {1} and the {2} close together.",
     "이곳에는 {0}, {1}, {2:이} 가까이 모여 있습니다.",
     "Здесь всё рядом: {0}, {1} и {2}.",
     "هنا تجد {0:def} {1:wdef} {2:wdef} قريبة من بعضها.",
     "यहाँ {0}, {1} और {2} पास-पास हैं।",
     "这里{0}、{1}和{2}离得很近。"),
)

SLOT_TEMPLATES = {1: ONE_SLOT, 2: TWO_SLOTS, 3: THREE_SLOTS}

VERB_TEMPLATES = (
    ("Many people come here to {0}.",
     "많은 사람들이 {0:기} 위해 이곳에 옵니다.",
     "Многие приходят сюда, чтобы {0}.",
     "هنا {0} كثير من الناس.",
     "बहुत से लोग यहाँ {0:obl} के लिए आते हैं।",
     "很多人来这里{0}。"),
    ("It is pleasant to {0} here.",
     "이곳은 {0:기} 좋은 곳입니다.",
     "Здесь приятно {0}.",
     "هنا {0} الجميع مرة على الأقل.",
     "यहाँ {0} अच्छा लगता है।",
     "在这里{0}很舒服。"),
)

OPENERS = (
    ("Recently we went there again.",
     "최근에 우리는 그곳에 다시 갔습니다.",
     "Недавно мы снова побывали там.",
     "زرنا ذلك المكان مرة أخرى مؤخرا.",
     "हाल ही में हम फिर वहाँ गए।",
     "最近我们又去了那里。"),
    ("Here is a short account of what we found.",
     "다음은 우리가 발견한 것에 대한 짧은 기록입니다.",
     "Вот короткая заметка о том, что мы нашли.",
     "إليكم وصفا قصيرا لما وجدناه.",
     "यह हमारी छोटी-सी टिप्पणी है कि हमें क्या मिला।",
     "以下简单记录一下我们的发现。"),
    ("Many readers asked us to write about this.",
     "많은 독자들이 이 주제에 대해 써 달라고 했습니다.",
     "Многие читатели просили нас об этом написать.",
     "طلب منا كثير من القراء أن نكتب عن هذا.",
     "कई पाठकों ने हमसे इस बारे में लिखने को कहा।",
     "很多读者请我们写写这个话题。"),
    ("This is a short entry from our diary.",
     "이것은 우리 일기의 짧은 한 부분입니다.",
     "Это короткая запись из нашего дневника.",
     "هذه صفحة قصيرة من مذكراتنا.",
     "यह हमारी डायरी का एक छोटा अंश है।",
     "这是我们札记里的一小段。"),
    ("Everything went calmly and pleasantly.",
     "모든 것이 조용하고 즐겁게 지나갔습니다.",
     "Всё прошло спокойно и приятно.",
     "مر كل شيء بهدوء ولطف.",
     "सब कुछ शांति से और अच्छे से बीता।",
     "一切都过得平静而愉快。"),
    ("An acquaintance told us about it.",
     "아는 사람이 우리에게 이것에 대해 알려 주었습니다.",
     "Об этом нам рассказал один знакомый.",
     "أخبرنا أحد المعارف بذلك.",
     "एक जान-पहचान वाले ने हमें इसके बारे में बताया।",
     "一位熟人跟我们讲了这件事。"),
)

CLOSERS = (
    ("We will certainly return.",
     "우리는 꼭 다시 올 것입니다.",
     "Мы обязательно вернёмся.",
     "سنعود بالتأكيد.",
     "हम ज़रूर फिर आएँगे।",
     "我们一定还要再来。"),
    ("It was worth it.",
     "충분히 그럴 만한 가치가 있었습니다.",
     "Оно того стоило.",
     "كان الأمر يستحق ذلك.",
     "यह इसके लायक था।",
     "这一切都很值得。"),
    ("We recommend it to everyone.",
     "모두에게 추천합니다.",
     "Всем советуем.",
     "ننصح الجميع بذلك.",
     "हम सबको इसकी सलाह देते हैं।",
     "我们推荐给所有人。"),
    ("More about this soon.",
     "이에 대해서는 곧 더 쓰겠습니다.",
     "Скоро расскажем больше.",
     "سنكتب المزيد قريبا.",
     "इस बारे में जल्द ही और लिखेंगे।",
     "以后再多写一些。"),
)

TITLE_TEMPLATE = ("{0} and {1}", "{0:과} {1}", "{0} и {1}", "{0:def} {1:wdef}", "{0} और {1}", "{0}与{1}")

QUERY_TEMPLATES = {
    2: (("{0} {1}", "{0} {1}", "{0} {1}", "{0} {1}", "{0} {1}", "{0}{1}"),
        ("{0} and {1}", "{0:과} {1}", "{0} и {1}", "{0} {1:w}", "{0} और {1}", "{0}和{1}")),
    3: (("{0} {1} {2}", "{0} {1} {2}", "{0} {1} {2}", "{0} {1} {2}", "{0} {1} {2}", "{0}{1}{2}"),
        ("{0}, {1} and {2}", "{0}, {1}, {2}", "{0}, {1} и {2}", "{0} {1:w} {2:w}",
         "{0}, {1} और {2}", "{0}、{1}和{2}")),
}

KO_PARTICLES = {"은": ("은", "는"), "이": ("이", "가"), "을": ("을", "를"), "과": ("과", "와"),
                "이었": ("이었", "였")}
AR_PREFIXES = {"def": "ال", "wdef": "وال", "w": "و", "bdef": "بال"}
CAPITALISED = {"en", "ru"}


def has_final_consonant(word):
    """True if the last Hangul syllable of word ends in a consonant (batchim)."""
    code = ord(word[-1]) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def render_word(lang, word, mode):
    """Surface form of one slot word in one language, with the template's mode applied."""
    if not mode:
        return word
    if lang == "ko":
        if mode == "기":
            return (word[:-1] if word.endswith("다") else word) + "기"
        with_batchim, without = KO_PARTICLES[mode]
        return word + (with_batchim if has_final_consonant(word) else without)
    if lang == "ar":
        return AR_PREFIXES[mode] + word
    if lang == "hi" and mode == "obl":
        return word[:-2] + "ने" if word.endswith("ना") else word
    return word  # modes of other languages do not change the word


def fill(lang, template, words, capitalise=True):
    """Fill a template's {i} / {i:mode} slots with words; capitalise the first letter in en/ru."""
    out, pos = [], 0
    while True:
        start = template.find("{", pos)
        if start < 0:
            out.append(template[pos:])
            break
        end = template.index("}", start)
        out.append(template[pos:start])
        index, _, mode = template[start + 1:end].partition(":")
        out.append(render_word(lang, words[int(index)], mode))
        pos = end + 1
    text = "".join(out)
    if capitalise and lang in CAPITALISED:
        text = text[0].upper() + text[1:]
    return text


def read_lexicon(path):
    """Rows of concepts.tsv as dicts: concept, topic and one list of forms per language."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t")))
        rows.append({"concept": cells["concept"], "topic": cells["topic"],
                     "forms": {lang: cells[lang].split("|") for lang in LANGS}})
    return rows


def choose_form(forms, key, prefer_first):
    """Pick one surface form, deterministically from key.

    prefer_first: probability of the first (most common) form for passages; for queries the
    caller passes None and another form is taken with QUERY_OTHER_FORM_PROBABILITY.
    """
    if len(forms) == 1:
        return forms[0]
    rng = random.Random(f"{SEED}/{key}")
    if prefer_first is None:
        return rng.choice(forms[1:]) if rng.random() < QUERY_OTHER_FORM_PROBABILITY else forms[0]
    return forms[0] if rng.random() < prefer_first else rng.choice(forms[1:])


def split_into_slots(count, rng):
    """Random composition of count concepts into sentence sizes 1..3, e.g. 4 -> [2, 1, 1]."""
    sizes = []
    while count > 0:
        size = rng.choice([s for s in (1, 2, 2, 3) if s <= count])
        sizes.append(size)
        count -= size
    return sizes


def plan_queries(topics, nouns_by_topic, has_synonyms, rng):
    """Query concept sets: 2-3 nouns of one topic, disjoint within a topic, synonyms favoured."""
    queries = []
    for t_index, topic in enumerate(topics):
        count = QUERIES_PER_TOPIC + (1 if t_index < EXTRA_QUERY_TOPICS else 0)
        pool = list(nouns_by_topic[topic])
        for _ in range(count):
            size = 3 if rng.random() < 0.35 else 2
            weights = [3 if has_synonyms[c] else 1 for c in pool]
            chosen = []
            while len(chosen) < size:
                pick = rng.choices(pool, weights=weights)[0]
                if pick not in chosen:
                    chosen.append(pick)
            pool = [c for c in pool if c not in chosen]
            queries.append({"topic": topic, "concepts": chosen})
    for number, query in enumerate(queries, start=1):
        query["qid"] = f"q{number:02d}"
    return queries


def plan_passages(topics, nouns_by_topic, queries, rng):
    """Concept lists of all passages: planted query sets first, then least-used nouns."""
    passages = []
    all_nouns = [c for t in topics for c in nouns_by_topic[t]]
    for topic in topics:
        nouns = nouns_by_topic[topic]
        uses = {c: 0 for c in nouns}
        slots = [[] for _ in range(PASSAGES_PER_TOPIC)]
        topic_queries = [q for q in queries if q["topic"] == topic]
        next_slot = 0
        for query in topic_queries:
            for _ in range(PLANTS_PER_QUERY):
                target = slots[next_slot % PASSAGES_PER_TOPIC]
                for concept in query["concepts"]:
                    if concept not in target:
                        target.append(concept)
                        uses[concept] += 1
                next_slot += 1
        for query in topic_queries:
            for concept in query["concepts"]:
                open_slots = [s for s in slots if concept not in s and len(s) < 4]
                for target in rng.sample(open_slots, min(PARTIALS_PER_CONCEPT, len(open_slots))):
                    target.append(concept)
                    uses[concept] += 1
        for concepts in slots:
            size = max(len(concepts), rng.choice((3, 4, 4)))
            while len(concepts) < size:
                candidates = [c for c in nouns if c not in concepts]
                least = min(uses[c] for c in candidates)
                pick = rng.choice([c for c in candidates if uses[c] == least])
                concepts.append(pick)
                uses[pick] += 1
            rng.shuffle(concepts)
            distractor = None
            if rng.random() < DISTRACTOR_PROBABILITY:
                distractor = rng.choice([c for c in all_nouns if c not in nouns])
            passages.append({"topic": topic, "concepts": concepts, "distractor": distractor})
    rng.shuffle(passages)
    for number, passage in enumerate(passages, start=1):
        passage["docid"] = f"d{number:03d}"
    return passages


def compose_passage(passage, verbs, rng):
    """Choose the template sequence of one passage: list of (template, concept ids)."""
    slot_concepts = list(passage["concepts"])
    if passage["distractor"]:
        slot_concepts.insert(rng.randrange(1, len(slot_concepts) + 1), passage["distractor"])
    while True:
        sentences, position = [], 0
        used = set()
        for size in split_into_slots(len(slot_concepts), rng):
            choices = [t for t in SLOT_TEMPLATES[size] if t not in used]
            template = rng.choice(choices)
            used.add(template)
            sentences.append((template, slot_concepts[position:position + size]))
            position += size
        if verbs and rng.random() < 0.5:
            sentences.insert(rng.randrange(1, len(sentences) + 1),
                             (rng.choice(VERB_TEMPLATES), [rng.choice(verbs)]))
        if rng.random() < 0.6:
            sentences.insert(0, (rng.choice(OPENERS), []))
        if rng.random() < 0.5:
            sentences.append((rng.choice(CLOSERS), []))
        yield sentences


def render_passage(passage, sentences, forms, lang):
    """Title and text of one passage in one language."""
    def word(concept):
        return choose_form(forms[concept][lang], f"{passage['docid']}/{concept}/{lang}",
                           PASSAGE_FIRST_FORM_PROBABILITY)
    index = LANGS.index(lang)
    separator = "" if lang == "zh" else " "
    text = separator.join(fill(lang, template[index], [word(c) for c in concepts])
                          for template, concepts in sentences)
    title_words = [word(c) for c in passage["concepts"][:2]]
    title = fill(lang, TITLE_TEMPLATE[index], title_words)
    return title, text


def main():
    root = Path(__file__).resolve().parent
    rows = read_lexicon(root.parent / "lexicon" / "concepts.tsv")
    rng = random.Random(SEED)
    topics = []
    for row in rows:
        if row["topic"] not in topics:
            topics.append(row["topic"])
    forms = {row["concept"]: row["forms"] for row in rows}
    nouns_by_topic = {t: [r["concept"] for r in rows if r["topic"] == t
                          and r["concept"] not in VERBS and r["concept"] not in ADJECTIVES]
                      for t in topics}
    verbs_by_topic = {t: [r["concept"] for r in rows
                          if r["topic"] == t and r["concept"] in SENTENCE_VERBS]
                      for t in topics}
    missing = (VERBS | ADJECTIVES) - set(forms)
    if missing:
        raise SystemExit(f"generate_demo: concepts not in the lexicon: {sorted(missing)}")
    has_synonyms = {c: len(f["en"]) > 1 for c, f in forms.items()}

    queries = plan_queries(topics, nouns_by_topic, has_synonyms, rng)
    passages = plan_passages(topics, nouns_by_topic, queries, rng)
    for passage in passages:
        for sentences in compose_passage(passage, verbs_by_topic[passage["topic"]], rng):
            _, english = render_passage(passage, sentences, forms, "en")
            if len(sentences) >= 3 and MIN_WORDS <= len(english.split()) <= MAX_WORDS:
                passage["sentences"] = sentences
                break

    qrels = []
    for query in queries:
        wanted = set(query["concepts"])
        for passage in passages:
            present = wanted & (set(passage["concepts"]) | {passage["distractor"]})
            if present == wanted:
                qrels.append((query["qid"], passage["docid"], 2))
            elif present and passage["topic"] == query["topic"]:
                qrels.append((query["qid"], passage["docid"], 1))

    for lang in LANGS:
        out = root / lang
        out.mkdir(exist_ok=True)
        with open(out / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as f:
            for passage in passages:
                title, text = render_passage(passage, passage["sentences"], forms, lang)
                record = {"id": passage["docid"], "title": title, "text": text}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        with open(out / "queries.tsv", "w", encoding="utf-8", newline="\n") as f:
            for query in queries:
                concepts = query["concepts"]
                variants = QUERY_TEMPLATES[len(concepts)]
                template = variants[int(query["qid"][1:]) % len(variants)][LANGS.index(lang)]
                words = [choose_form(forms[c][lang], f"{query['qid']}/{c}/{lang}", None)
                         for c in concepts]
                f.write(f"{query['qid']}\t{fill(lang, template, words, capitalise=False)}\n")
        with open(out / "qrels.txt", "w", encoding="utf-8", newline="\n") as f:
            for qid, docid, rel in qrels:
                f.write(f"{qid} 0 {docid} {rel}\n")

    with open(root / "passage_concepts.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("docid\ttopic\tconcepts\tdistractor\n")
        for passage in passages:
            f.write(f"{passage['docid']}\t{passage['topic']}\t{'|'.join(passage['concepts'])}"
                    f"\t{passage['distractor'] or '-'}\n")
    with open(root / "query_concepts.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("qid\ttopic\tconcepts\n")
        for query in queries:
            f.write(f"{query['qid']}\t{query['topic']}\t{'|'.join(query['concepts'])}\n")
    print(f"generate_demo: {len(passages)} passages, {len(queries)} queries, "
          f"{len(qrels)} qrels per language, languages {' '.join(LANGS)}")


if __name__ == "__main__":
    main()
