"""Fuzz the drafter: mutated regulation texts into ``sakip.catalog.draft``, the drafts
into ``Draft.to_toml`` and back through ``sakip.catalog.load``, and a few files through
``sakip draft``.

Every bad input must end in a ``SakipError`` (or a draft): any other exception, any
input over its time budget, and any written file outside the folder or that does not
load back is reported. Peak memory (ru_maxrss) is printed at the end.

    python benchmarks/fuzz_draft.py --seconds 120 --seed 1

Not a test: it runs for as long as asked; what it finds becomes a test in
tests/catalog/test_draft_attacks.py.
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from types import FrameType

import sakip
from sakip.catalog import draft, load

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = Path("/work/shared/seed/000_805685bd0c01af1f.txt")
BUDGET = 5.0  # seconds for a text under 200 KB; larger texts get BUDGET per 200 KB
WORDS = [
    "LAMPIRAN", "IKU", "NO", "SASARAN", "INDIKATOR", "KINERJA", "UTAMA", "RUMUS",
    "SATUAN", "PENANGGUNG JAWAB", "SUMBER DATA", "Jumlah", "Total", "x 100%", "/",
    "(", ")", "[", "]", "{", "}", "%", "1.", "2.", "99.", "I.", "=", "Σ", "∑", "÷",
    "dibagi", ":", "Persentase", "BUPATI", "\x00", "\u200b", "\ufeff", "é", "𝔸", "٣",
    "x 1.000", "per 100.000", "Orang", "Rasio", "-", "–", "|", "\t", "\r", "\x0c",
    # the words of the drafter's newer rules: the glossary opener, the count word as
    # OCR misreads it, acronyms printed after a name
    "Dimana :", "dimana:", "Keterangan :", "]ymlah", "Junlah", "Fumlah", "umlah", "Jumlahnya",
    "(IKM)", "(SPM)", "(A(B(C)))", "Tingkat", "laporan", "monitoring",
]  # fmt: skip


class Overtime(Exception):
    """Raised by the alarm when an input runs over its budget."""


def _alarm(_sig: int, _frame: FrameType | None) -> None:
    raise Overtime


def mutate(rng: random.Random, text: str, corpus: list[str]) -> tuple[str, str]:
    """One mutated text and the name of the mutation."""
    lines = text.splitlines()
    kind = rng.choice(
        [
            "cut", "shuffle", "del_chars", "dup_chars", "splice", "del_lines", "dup_lines",
            "words", "numbers", "unicode", "nul", "long_line", "repeat_word", "empty_lines",
            "brackets", "junk", "mix", "crlf",
        ]
    )  # fmt: skip
    n = max(1, len(lines))
    if kind == "cut":
        a = rng.randrange(n)
        lines = lines[a : a + rng.randrange(1, n + 1)]
    elif kind == "shuffle":
        a = rng.randrange(n)
        b = min(n, a + rng.randrange(2, 200))
        part = lines[a:b]
        rng.shuffle(part)
        lines[a:b] = part
    elif kind in ("del_chars", "dup_chars", "splice"):
        chars = list(text)
        for _ in range(rng.randrange(1, 200)):
            if not chars:
                break
            i = rng.randrange(len(chars))
            if kind == "del_chars":
                del chars[i : i + rng.randrange(1, 5)]
            elif kind == "dup_chars":
                chars[i:i] = chars[i : i + rng.randrange(1, 20)]
            else:
                other = rng.choice(corpus)
                j = rng.randrange(max(1, len(other)))
                chars[i:i] = other[j : j + rng.randrange(1, 300)]
        return "".join(chars), kind
    elif kind == "del_lines":
        for _ in range(rng.randrange(1, 50)):
            if lines:
                del lines[rng.randrange(len(lines))]
    elif kind == "dup_lines":
        for _ in range(rng.randrange(1, 50)):
            if lines:
                i = rng.randrange(len(lines))
                lines[i:i] = lines[i : i + rng.randrange(1, 10)] * rng.randrange(1, 20)
    elif kind in ("words", "numbers", "unicode", "brackets"):
        for _ in range(rng.randrange(1, 100)):
            i = rng.randrange(n)
            if kind == "words":
                piece = " ".join(rng.choices(WORDS, k=rng.randrange(1, 6)))
            elif kind == "numbers":
                piece = f"{rng.randrange(10 ** rng.randrange(1, 30))}."
            elif kind == "unicode":
                piece = "".join(chr(rng.randrange(1, 0x30000)) for _ in range(rng.randrange(9)))
            else:
                depth = rng.choice([5, 50, 500, 5000])
                piece = "(" * depth + "Jumlah A" + ")" * rng.choice([depth, 0, depth // 2])
            if i < len(lines) and rng.random() < 0.5:
                lines[i] = f"{lines[i]} {piece}" if rng.random() < 0.5 else f"{piece} {lines[i]}"
            else:
                lines.insert(i, piece)
    elif kind == "nul":
        lines = [line.replace(" ", "\x00", rng.randrange(3)) for line in lines]
    elif kind == "long_line":
        i = rng.randrange(n)
        lines.insert(i, rng.choice(WORDS) * rng.choice([10_000, 100_000, 1_000_000]))
    elif kind == "repeat_word":
        word = rng.choice([*WORDS, "Jumlah", "1.", "x 100%"])
        lines.insert(rng.randrange(n), " ".join([word] * rng.choice([1000, 50_000])))
        lines[rng.randrange(n) : rng.randrange(n)] = [word] * rng.choice([100, 10_000])
    elif kind == "empty_lines":
        lines.insert(rng.randrange(n), "\n" * rng.choice([1000, 100_000]))
    elif kind == "junk":
        size = rng.choice([0, 1, 10, 1000, 100_000])
        alphabet = rng.choice([WORDS, [chr(c) for c in range(32, 127)], ["\n", " ", "1", "."]])
        return "".join(rng.choices(alphabet, k=size)), kind
    elif kind == "mix":
        other = rng.choice(corpus).splitlines() or [""]
        a = rng.randrange(len(other))
        lines[rng.randrange(n) : rng.randrange(n)] = other[a : a + rng.randrange(1, 500)]
    elif kind == "crlf":
        return "\r\n".join(lines).replace("\n", rng.choice(["\r", "\r\n", "\u2028", "\x0b"])), kind
    return "\n".join(lines), kind


def attack_text(text: str, budget: float) -> tuple[str, float]:
    """'ok', 'sakip:<Class>', 'CRASH:<Class>' or 'HANG', and the seconds taken."""
    start = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        drafted = draft(text)
        outcome = "ok"
    except Overtime:
        return "HANG", time.perf_counter() - start
    except sakip.SakipError as exc:
        outcome = f"sakip:{type(exc).__name__}"
        drafted = None
    except Exception as exc:
        return f"CRASH:{type(exc).__name__}:{traceback.format_exc(limit=-3)}", 0.0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    taken = time.perf_counter() - start
    if drafted is not None and drafted.rows:
        outcome = _round_trip(drafted) or outcome
    return outcome, taken


def _round_trip(drafted: sakip.catalog.Draft) -> str | None:
    """None when the draft writes inside its folder and loads back; else a problem."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "out"
        try:
            drafted.to_toml(folder)
            outside = [p for p in Path(tmp).rglob("*") if folder not in (p, *p.parents)]
            if outside:
                return f"CRASH:outside:{outside}"
            load(folder)
        except sakip.SakipError as exc:
            return f"WRITE:{type(exc).__name__}:{exc}"[:300]
        except Exception as exc:
            return f"CRASH:to_toml:{type(exc).__name__}:{traceback.format_exc(limit=-3)}"
    return None


def attack_names(rng: random.Random, base: str) -> Counter[str]:
    """Drafts whose section and indicator names hold quotes, newlines, control
    characters and paths, through to_toml and back."""
    names = [
        '"', "'", '"""', "'''", "\n", "a\nb", "\r", "\x00", "\x1b[31m", "\x7f", "\\", "\\u0000",
        "../../escape", "..", "/etc/passwd", "a/b", "C:\\x", "#", "[section]", "]]", "=",
        "\ud7ff", "\u2028", "é" * 300, " " * 10, "", "x" * 10_000,
    ]  # fmt: skip
    seen: Counter[str] = Counter()
    for name in names:
        header = f"LAMPIRAN I\nINDIKATOR KINERJA UTAMA\n{name}\n"
        for variant in (header + base, base.replace("Jumlah", name, 3)):
            outcome, _ = attack_text(variant, BUDGET)
            seen[outcome.split("\n")[0][:200]] += 1
        for region in (name, f"{name}\n[x]", "../" + name):
            try:
                drafted = draft(base, region=region)
            except sakip.SakipError as exc:
                seen[f"sakip:{type(exc).__name__}"] += 1
                continue
            seen[_round_trip(drafted) or "ok"] += 1
    return seen


def attack_cli(texts: list[bytes]) -> Counter[str]:
    """``sakip draft FILE --out FOLDER`` on raw bytes: exit 0 or a one-line error, never
    a traceback."""
    seen: Counter[str] = Counter()
    for raw in texts:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.txt"
            src.write_bytes(raw)
            for out in (Path(tmp) / "out", src, Path(tmp) / "no" / "such" / "dir"):
                run = subprocess.run(
                    [sys.executable, "-m", "sakip", "draft", str(src), "--out", str(out)],
                    capture_output=True,
                    text=True,
                    timeout=120,
                    check=False,
                )
                crashed = "Traceback" in run.stderr
                seen["CRASH" if crashed else f"exit {run.returncode}"] += 1
                if crashed:
                    print("CLI CRASH", raw[:60], out.name, run.stderr[-600:], flush=True)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI attack")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    signal.signal(signal.SIGALRM, _alarm)
    corpus = [
        p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/data/regulations/*.txt"))
    ]
    if SEED_TEXT.exists():
        corpus.append(SEED_TEXT.read_text(encoding="utf-8"))
    seen: Counter[str] = Counter()
    slowest = (0.0, "", 0)
    end = time.monotonic() + args.seconds
    tried = 0
    while time.monotonic() < end:
        text, kind = mutate(rng, rng.choice(corpus), corpus)
        budget = BUDGET * max(1, len(text) // 200_000 + 1)
        outcome, taken = attack_text(text, budget)
        tried += 1
        seen[f"{kind}: {outcome.split(':')[0]}"] += 1
        if outcome.startswith(("CRASH", "HANG", "WRITE")):
            print(f"[{tried}] {kind} len={len(text)} -> {outcome}", flush=True)
        if taken > slowest[0]:
            slowest = (taken, kind, len(text))
    print(f"{tried} mutated texts in {args.seconds:.0f} s (seed {args.seed})")
    for key, count in sorted(seen.items()):
        print(f"  {count:6d}  {key}")
    print(f"slowest: {slowest[0]:.2f} s ({slowest[1]}, {slowest[2]} chars)")
    base = corpus[0]
    for key, count in sorted(attack_names(rng, base).items()):
        print(f"  names {count:4d}  {key}")
    if not args.no_cli:
        raw = [
            b"", b"\xff\xfe\x00", base.encode("utf-16"), base.encode(), b"\x00" * 1000,
            b"LAMPIRAN I\n" * 10,
        ]  # fmt: skip
        for key, count in sorted(attack_cli(raw).items()):
            print(f"  cli {count:4d}  {key}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory: {peak / 1024:.0f} MB (ru_maxrss)")


if __name__ == "__main__":
    main()
