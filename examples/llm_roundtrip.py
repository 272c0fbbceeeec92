"""Round trip with an LLM: redact a session, ask for a progress note, restore the draft.

    python examples/llm_roundtrip.py                    # a local fake LLM: no network
    PHIMIN_LLM=openai PHIMIN_LLM_MODEL=gpt-4o-mini python examples/llm_roundtrip.py
    PHIMIN_LLM=anthropic PHIMIN_LLM_MODEL=claude-sonnet-4-5 python examples/llm_roundtrip.py
    PHIMIN_VAULT_KEY=... python examples/llm_roundtrip.py --vault client.vault
    python examples/llm_roundtrip.py --transcript session.txt   # one turn per line

Only redacted text reaches the adapter. The originals stay in this process, or in the
encrypted vault (`--vault`), and come back only in the restored draft, which this
example prints to stdout. The whole transcript below is invented.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import regex

import phimin
from phimin import Restoration, Session, Vault

Chat = Callable[[str, str], str]  # (system, prompt) -> reply

TURNS = [
    "THERAPIST: Welcome back, Imogen Delacroix. Is 555-301-7728 still your number?",
    "CLIENT: Yes. My brother Rafael Delacroix drove me; my appointment card says 07/19/2024.",
    "CLIENT: Sleep is better. Rafael Delacroix says I seem calmer since the new routine.",
    "THERAPIST: Good. Let's keep the worry log and check in again in two weeks.",
]

SYSTEM = (
    "You draft concise progress notes for a therapist. The transcript is redacted: "
    "keep every bracketed placeholder such as [PERSON_1] or [date in 2024] exactly as "
    "written, and do not invent names, numbers or dates."
)


def fake_llm(system: str, prompt: str) -> str:
    """A stand-in LLM that mangles placeholders the way real ones do."""
    people = list(dict.fromkeys(regex.findall(r"\[PERSON_\d+\]", prompt)))
    phones = list(dict.fromkeys(regex.findall(r"\[PHONE_\d+\]", prompt)))
    dates = list(dict.fromkeys(regex.findall(r"\[date in \d{4}\]", prompt)))
    client = people[0] if people else "The client"
    lines = ["PROGRESS NOTE (draft)", ""]
    lines.append(f"{client.lower()}'s sleep has improved with the new routine.")  # case
    if len(people) > 1:
        bare = people[1].strip("[]")  # brackets dropped
        lines.append(f"Accompanied by brother {bare}, who reports the client seems calmer.")
    if phones:
        wrapped = phones[0].replace("_", "_\n", 1)  # split by a line break
        lines.append(f"Contact number confirmed: {wrapped}.")
    if dates:
        lines.append(f"Next scheduled visit: {dates[0]}.")
    lines.append(f"Plan: continue worry log; review with {client} in two weeks.")
    return "\n".join(lines)


def openai_llm(model: str) -> Chat:
    from openai import OpenAI  # type: ignore[import-not-found]

    client = OpenAI()

    def chat(system: str, prompt: str) -> str:
        reply = client.chat.completions.create(
            model=model,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": prompt}],
        )
        return str(reply.choices[0].message.content or "")

    return chat


def anthropic_llm(model: str) -> Chat:
    import anthropic  # type: ignore[import-not-found]

    client = anthropic.Anthropic()

    def chat(system: str, prompt: str) -> str:
        reply = client.messages.create(
            model=model,
            max_tokens=1024,
            system=system,
            messages=[{"role": "user", "content": prompt}],
        )
        return "".join(block.text for block in reply.content if block.type == "text")

    return chat


def pick_llm(environ: Mapping[str, str]) -> Chat:
    """`PHIMIN_LLM` = fake (default) | openai | anthropic; `PHIMIN_LLM_MODEL` names the model."""
    kind = environ.get("PHIMIN_LLM", "fake")
    if kind == "fake":
        return fake_llm
    model = environ.get("PHIMIN_LLM_MODEL")
    if not model:
        raise SystemExit("set PHIMIN_LLM_MODEL to the model to call")
    makers = {"openai": openai_llm, "anthropic": anthropic_llm}
    if kind in makers:
        try:
            return makers[kind](model)
        except ImportError:
            raise SystemExit(f"PHIMIN_LLM={kind} needs its client: pip install {kind}") from None
    raise SystemExit(f"PHIMIN_LLM must be fake, openai or anthropic, not {kind!r}")


def roundtrip(
    session: Session, turns: Sequence[str], llm: Chat, *, generalized: bool = True
) -> tuple[str, str, Restoration]:
    """Redact each turn, send the redacted transcript, restore the reply."""
    redacted = [session.redact(turn).text for turn in turns]
    prompt = "Transcript:\n" + "\n".join(redacted) + "\n\nDraft the progress note."
    draft = llm(SYSTEM, prompt)
    return prompt, draft, session.restore_report(draft, generalized=generalized)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vault", type=Path, help="keep the session in this encrypted file")
    parser.add_argument("--transcript", type=Path, help="a text file, one turn per line")
    parser.add_argument(
        "--keep-generalized",
        action="store_true",
        help="leave generalized wordings ([date in 2024]) in the restored draft",
    )
    args = parser.parse_args(argv)
    turns = TURNS
    if args.transcript:
        try:
            text = args.transcript.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:  # its message could quote a byte
            print(
                f"llm_roundtrip: cannot read --transcript ({type(exc).__name__})", file=sys.stderr
            )
            return 2
        turns = [t for t in text.splitlines() if t.strip()]
    try:
        vault = Vault(args.vault) if args.vault else None
        session = Session(vault=vault)
        prompt, draft, restoration = roundtrip(
            session, turns, pick_llm(os.environ), generalized=not args.keep_generalized
        )
    except phimin.PhiminError as exc:
        print(f"llm_roundtrip: {exc}", file=sys.stderr)
        return 2
    print("=== what the LLM saw ===", prompt, "", "=== its draft ===", draft, sep="\n")
    print("", "=== restored ===", restoration.text, sep="\n")
    summary = ", ".join(f"{k}: {v}" for k, v in restoration.counts().items() if v)
    print(f"restored {restoration.restored}; left {summary or 'none'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
