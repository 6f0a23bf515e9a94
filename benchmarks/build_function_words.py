"""Write src/newsframe/data/function_words.csv: each language's commonest words, from wordfreq.

The language check (:mod:`newsframe.language`) reads this file, not wordfreq, at run time: 40
small lists load in milliseconds (wordfreq's whole frequency lists take about a second), and the
profiles stay the same whatever wordfreq version is installed. Run it again to refresh the lists
or to take more words (``--top``).
Usage: python benchmarks/build_function_words.py [--top 100]
"""

from __future__ import annotations

import argparse
from importlib.metadata import version
from pathlib import Path

import wordfreq

#: Every wordfreq language whose words are separated by spaces (Chinese and Japanese are not:
#: text in their scripts is "other" by its letters) and its English name.
NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "fa": "Persian", "fi": "Finnish", "fil": "Filipino", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic", "it": "Italian",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay",
    "nb": "Norwegian", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sh": "Serbo-Croatian", "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish",
    "ta": "Tamil", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}  # fmt: skip

OUT = Path(__file__).resolve().parents[1] / "src" / "newsframe" / "data" / "function_words.csv"
HEADER = """\
# The commonest words of each language, for newsframe.language (the function-word share of
# Grefenstette 1995): one row per language, its wordfreq code, its English name and its {top}
# commonest words (numbers left out) separated by spaces, most frequent first.
# Source: wordfreq {version} "small" lists (Robyn Speer, https://github.com/rspeer/wordfreq;
# data CC BY-SA 4.0), written by benchmarks/build_function_words.py. English ("en") is the
# language compared with every other; a word among English's commonest counts for English alone.
# Add a row to check another language (its commonest words, lowercased, separated by spaces).
# Lines starting with # are comments.
language,name,words
"""


def main(top: int = 100) -> None:
    rows = []
    for code, name in NAMES.items():
        words = [w for w in wordfreq.top_n_list(code, top, wordlist="small") if not w.isdigit()]
        rows.append(f"{code},{name},{' '.join(words)}")
    text = HEADER.format(top=top, version=version("wordfreq")) + "\n".join(rows) + "\n"
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.name}: {len(rows)} languages, {top} words each")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--top", type=int, default=100)
    main(parser.parse_args().top)
