#!/usr/bin/env python3
"""Build the fallback fonts in assets/fonts/ (symbols and Japanese) as subsets of Debian's Noto fonts.

Needs Debian's python3-fonttools and dpkg-deb; downloads fonts-noto-core and fonts-noto-cjk with `apt-get download`
unless --debs DIR points at a folder that already holds them. See scripts/fonts/README.md for what is kept and why.
Run: python3 scripts/fonts/build-fallback-fonts.py [--debs DIR] [--out assets/fonts]
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile

from fontTools import subset
from fontTools.ttLib import TTFont

# Unicode blocks of symbols customers type: letterlike (™ №), arrows, maths (∞), technical, enclosed numbers (①),
# geometric shapes, miscellaneous symbols (♥ ★ ♪), dingbats (✓ ❤), symbols and arrows (⭐).
SYMBOL_BLOCKS = [(0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2300, 0x23FF), (0x2460, 0x24FF),
                 (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF), (0x2B00, 0x2BFF)]
# Pictographs (🌸 ☕ ⚽ as outlines; Noto Sans Symbols 2 only): Misc Symbols and Pictographs … Symbols and Pictographs Ext-A.
PICTOGRAPH_BLOCKS = [(0x1F300, 0x1F5FF), (0x1F680, 0x1F6FF), (0x1F900, 0x1FAFF)]
# Japanese besides kanji: CJK punctuation (、。「」々〜), hiragana, katakana (ー), small katakana, full- and half-width forms.
KANA_BLOCKS = [(0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF01, 0xFF5E), (0xFF61, 0xFF9F)]
# Kanji outside JIS X 0208 that Japanese names and the 2010 jōyō list use: 𠮟 塡 剝 頰 (jōyō), 﨑 髙 德 (names).
EXTRA_KANJI = "𠮟塡剝頰﨑髙德"


def jis_x0208():
    """All of JIS X 0208 (EUC-JP codec): its symbols (∞ ※ 〒 ○ ◎ …) and its levels 1 and 2, 6,355 kanji — all but a
    handful of the jōyō and jinmeiyō kanji that Japanese names are written with."""
    out = []
    for b1 in range(0xA1, 0xF5):
        for b2 in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([b1, b2]).decode("euc_jp")))
            except UnicodeDecodeError:
                pass
    return out


def blocks(ranges):
    return [c for lo, hi in ranges for c in range(lo, hi + 1)]


def make_subset(src, dst, unicodes, font_number=0):
    opts = subset.Options()
    opts.font_number = font_number
    opts.layout_features = ["kern"]  # the only layout data the text layer reads (pair kerning)
    opts.hinting = False  # outlines are flattened to polygons; hinting is for screens
    opts.name_IDs = ["*"]  # keep copyright, licence and trademark notices
    opts.notdef_outline = True
    font = subset.load_font(src, opts)
    # variation sequences (cmap format 14) pull in alternate glyphs that core/text never draws: it skips selectors
    font["cmap"].tables = [t for t in font["cmap"].tables if t.format != 14]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    subset.save_font(font, dst, opts)
    kept = len(TTFont(dst).getBestCmap())
    print(f"{os.path.basename(dst)}: {os.path.getsize(dst)} bytes, {kept} characters")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--debs", help="folder with fonts-noto-core_*.deb and fonts-noto-cjk_*.deb (downloaded when absent)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "assets", "fonts"))
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="atelier-fonts-")
    debs = a.debs or work
    if not a.debs:
        subprocess.run(["apt-get", "download", "fonts-noto-core", "fonts-noto-cjk"], cwd=work, check=True)
    for pkg in ("fonts-noto-core", "fonts-noto-cjk"):
        found = sorted(glob.glob(os.path.join(debs, f"{pkg}_*.deb")))
        if not found:
            sys.exit(f"no {pkg}_*.deb in {debs}")
        print(f"using {os.path.basename(found[-1])}")
        subprocess.run(["dpkg-deb", "-x", found[-1], os.path.join(work, "x")], check=True)
    noto = os.path.join(work, "x", "usr", "share", "fonts")
    symbols = blocks(SYMBOL_BLOCKS)
    make_subset(f"{noto}/truetype/noto/NotoSansSymbols-Bold.ttf", f"{a.out}/NotoSansSymbols-Bold-subset.ttf", symbols)
    make_subset(f"{noto}/truetype/noto/NotoSansSymbols2-Regular.ttf", f"{a.out}/NotoSansSymbols2-Regular-subset.ttf",
                symbols + blocks(PICTOGRAPH_BLOCKS))
    # font 0 of the collection is Noto Sans CJK JP Bold (Japanese glyph forms)
    make_subset(f"{noto}/opentype/noto/NotoSansCJK-Bold.ttc", f"{a.out}/NotoSansCJKjp-Bold-subset.otf",
                blocks(KANA_BLOCKS) + jis_x0208() + [ord(c) for c in EXTRA_KANJI], font_number=0)


if __name__ == "__main__":
    main()
