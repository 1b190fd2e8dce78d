#!/usr/bin/python3
"""Makes the workbench's bundled fonts: subsets of Noto (SIL Open Font License 1.1) that cover the
sample languages, so Korean, Chinese, Arabic, Hindi and Russian tokens render on a machine without
any CJK or Indic font (a bare Debian has only DejaVu).

Input: Debian's fonts-noto-core and fonts-noto-cjk (apt-get install fonts-noto-core fonts-noto-cjk
python3-fonttools). Output: app/src/main/resources/org/sembridge/app/fonts/*.otf|ttf, committed.

What each subset keeps:
- every character that occurs in a file under sample-models/ (the sample vocabularies: the 2,350
  KS X 1001 Hangul syllables, the 3,757 GB 2312 level-1 hanzi, Arabic, Devanagari, Cyrillic);
- whole blocks for the small scripts (Latin-1, Latin Extended-A, Cyrillic, Arabic, Devanagari,
  general punctuation, Hangul compatibility jamo, CJK punctuation, full-width forms), so text a
  user types in those scripts renders too.
Hangul and hanzi outside the sample vocabularies fall back to whatever the system has.

Usage: /usr/bin/python3 docs/tools/subset_fonts.py   (run from the repository root)
"""
import os
import pathlib

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "app/src/main/resources/org/sembridge/app/fonts"
NOTO = pathlib.Path("/usr/share/fonts/truetype/noto")
NOTO_CJK = pathlib.Path("/usr/share/fonts/opentype/noto")


def blocks(*ranges):
    return {cp for lo, hi in ranges for cp in range(lo, hi + 1)}


def sample_characters():
    found = set()
    for folder, _, files in os.walk(ROOT / "sample-models"):
        for name in files:
            if name.endswith((".json", ".txt", ".tsv", ".jsonl", ".md")):
                text = (pathlib.Path(folder) / name).read_text(encoding="utf-8", errors="ignore")
                found.update(ord(ch) for ch in text)
    return found


BASIC = blocks((0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x20AC, 0x20AC), (0x2190, 0x21FF),
               (0x2212, 0x2212), (0x2264, 0x2265), (0x25A0, 0x25FF), (0x2026, 0x2026))
CYRILLIC = blocks((0x400, 0x4FF))
ARABIC = blocks((0x600, 0x6FF), (0xFE70, 0xFEFF))
DEVANAGARI = blocks((0x900, 0x97F), (0x1CD0, 0x1CFF), (0xA8E0, 0xA8FF))
CJK_EXTRA = blocks((0x3000, 0x303F), (0x3130, 0x318F), (0xFF00, 0xFFEF))


def write_subset(font, codepoints, out_name, family):
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    cmap = font.getBestCmap()
    subsetter.populate(unicodes=[cp for cp in codepoints if cp in cmap])
    subsetter.subset(font)
    path = OUT / out_name
    font.save(path)
    print(f"{path.relative_to(ROOT)}: {family}, {len(font.getGlyphOrder())} glyphs, "
          f"{path.stat().st_size // 1024} KiB")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    samples = sample_characters()
    latin = BASIC | CYRILLIC
    for weight in ("Regular", "Bold"):
        write_subset(TTFont(NOTO / f"NotoSans-{weight}.ttf"), latin | (samples & CYRILLIC),
                     f"NotoSans-{weight}.ttf", "Noto Sans")
        write_subset(TTFont(NOTO / f"NotoSansArabic-{weight}.ttf"), ARABIC | BASIC,
                     f"NotoSansArabic-{weight}.ttf", "Noto Sans Arabic")
        write_subset(TTFont(NOTO / f"NotoSansDevanagari-{weight}.ttf"), DEVANAGARI | BASIC,
                     f"NotoSansDevanagari-{weight}.ttf", "Noto Sans Devanagari")
        cjk = {cp for cp in samples if cp >= 0x1100} | CJK_EXTRA
        # index 1 of the collection is Noto Sans CJK KR (0 JP, 2 SC, 3 TC, 4 HK)
        write_subset(TTCollection(NOTO_CJK / f"NotoSansCJK-{weight}.ttc").fonts[1], cjk,
                     f"NotoSansCJKkr-{weight}.otf", "Noto Sans CJK KR")


if __name__ == "__main__":
    main()
