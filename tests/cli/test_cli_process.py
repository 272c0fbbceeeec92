"""The installed `redact` console script and the pre-commit hook, run as real processes.

Every subprocess runs with sockets blocked: a `sitecustomize.py` on PYTHONPATH patches
socket connect and name lookup to raise, and records its pid so each test can assert
the block was active in the very process it ran. Identifiers are synthetic.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata as md
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import phimin

REPO = Path(__file__).resolve().parents[2]
NAME, PHONE = "Dana Whitfield", "555-201-3344"
NOTE = f"Session with {NAME} on 03/14/2024.\r\nCall him at {PHONE} before Friday.\r\n"

SITECUSTOMIZE = '''\
"""Test harness: no network for any Python process started by phimin's CLI tests."""
import os
import socket
import sys


class NetworkBlocked(OSError):
    pass


def _blocked(*args, **kwargs):
    raise NetworkBlocked(101, "network blocked by phimin tests")


socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.getaddrinfo = _blocked
socket.create_connection = _blocked
_mark = os.environ.get("PHIMIN_NETBLOCK_MARK")
if _mark:
    with open(_mark, "a", encoding="utf-8") as _f:
        _f.write(f"{os.getpid()} {' '.join(getattr(sys, 'orig_argv', sys.argv))}\\n")
_modules = os.environ.get("PHIMIN_MODULES_MARK")
if _modules:  # at exit, record which heavy modules the process imported
    import atexit
    import json

    def _record_modules():
        heavy = ("spacy", "presidio_analyzer", "phimin")
        names = sorted(m for m in sys.modules if m.split(".")[0] in heavy)
        with open(_modules, "w", encoding="utf-8") as _f:
            json.dump(names, _f)

    atexit.register(_record_modules)
'''


class Sandbox:
    """An environment for subprocesses: sockets blocked, with a record of who ran."""

    def __init__(self, root: Path) -> None:
        site = root / "site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        self.mark = root / "netblock.log"
        self.mark.touch()
        path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
        self.env = {
            **os.environ,
            "PYTHONPATH": path,
            "PHIMIN_NETBLOCK_MARK": str(self.mark),
            "PIP_RETRIES": "0",  # an index that cannot be reached fails at once
            "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
            "PYTHONIOENCODING": "utf-8",
        }

    def blocked(self, pid: int) -> bool:
        return any(line.split(" ", 1)[0] == str(pid) for line in self.lines())

    def lines(self) -> list[str]:
        return self.mark.read_text(encoding="utf-8").splitlines()

    def run(
        self,
        argv: Sequence[str],
        *,
        stdin: bytes = b"",
        cwd: Path | None = None,
        extra_env: Mapping[str, str] | None = None,
        **kw: object,
    ) -> subprocess.CompletedProcess[bytes]:
        env = {**self.env, **(extra_env or {})}
        return subprocess.run(  # type: ignore[call-overload, no-any-return]
            list(argv), input=stdin, capture_output=True, env=env, cwd=cwd, check=False, **kw
        )


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Sandbox:
    return Sandbox(tmp_path_factory.mktemp("sandbox"))


def redact_command() -> list[str]:
    """The console script installed beside this Python, else `python -m phimin.cli`."""
    script = Path(sys.executable).with_name("redact")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "phimin.cli"]


REDACT = redact_command()


def no_phi(*blobs: bytes) -> None:
    for blob in blobs:
        for secret in (NAME, "Whitfield", PHONE, "03/14/2024"):
            assert secret.encode() not in blob


def test_sockets_are_blocked_in_subprocesses(sandbox: Sandbox) -> None:
    code = "import socket; socket.create_connection(('127.0.0.1', 9))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code], env=sandbox.env, stderr=subprocess.PIPE, text=True
    )
    _, err = proc.communicate()
    assert proc.returncode != 0
    assert "network blocked by phimin tests" in err
    assert sandbox.blocked(proc.pid)


def test_console_script_filters_stdin_to_stdout(
    sandbox: Sandbox, redactor: phimin.Redactor
) -> None:
    proc = subprocess.Popen(
        REDACT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=sandbox.env,
    )
    out, err = proc.communicate(NOTE.encode())
    assert proc.returncode == 0, err
    assert sandbox.blocked(proc.pid)
    assert out.decode() == redactor.redact(NOTE).text  # CRLF kept, same text as the library
    assert b"[PERSON_1]" in out and b"[PHONE_1]" in out
    no_phi(out, err)
    assert err == b""


@pytest.mark.parametrize(
    ("args", "stdin", "code", "stdout", "stderr"),
    [
        ([], b"", 0, b"", b""),
        ([], b"Call Dana Whitfield\n\xff\xfe", 2, b"", b"not valid UTF-8 (byte offset 20)"),
        (["--format", "json"], b"", 0, b'{"text": "", "findings": [], "summary": {"total": 0', b""),
        (["--check", "-"], NOTE.encode(), 1, b"<stdin>:1:14: phimin.name.gazetteer PERSON", b""),
        (["no-such-file.txt"], b"", 2, b"", b"cannot read no-such-file.txt"),
        (["--format", "yaml"], b"", 2, b"", b"invalid choice"),
    ],
)
def test_exit_codes(
    sandbox: Sandbox, args: list[str], stdin: bytes, code: int, stdout: bytes, stderr: bytes
) -> None:
    result = sandbox.run([*REDACT, *args], stdin=stdin)
    assert result.returncode == code, result.stderr
    assert result.stdout.startswith(stdout)
    if not stdout:
        assert result.stdout == b""
    assert stderr in result.stderr
    no_phi(result.stdout, result.stderr)


def test_help_and_usage_errors_do_not_load_the_model(sandbox: Sandbox) -> None:
    probe = """
import json, sys
import phimin
core_eager = "spacy" in sys.modules
from phimin.cli.main import main
codes = [main(["--help"]), main(["--format", "yaml"]), main(["--check"])]
print(json.dumps({
    "codes": codes,
    "core_eager": core_eager,
    "spacy": "spacy" in sys.modules,
    "presidio": "presidio_analyzer" in sys.modules,
    "commands": sorted(m for m in sys.modules if m in (
        "phimin.cli.filter_mode", "phimin.cli.check", "phimin.cli.document")),
}))
"""
    result = sandbox.run([sys.executable, "-c", probe])
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.decode().strip().splitlines()[-1])
    assert state["codes"] == [0, 2, 2]
    assert state["commands"] == [], "help and usage errors must not import the command path"
    assert not state["core_eager"], "`import phimin` must not load spaCy"
    assert not state["spacy"] and not state["presidio"]


def test_pipeline_example_runs(sandbox: Sandbox, tmp_path: Path) -> None:
    env = {
        **sandbox.env,
        "PATH": f"{Path(REDACT[0]).parent}{os.pathsep}{os.environ['PATH']}",
        "REPORT": str(tmp_path / "audit.json"),
    }
    if len(REDACT) > 1:
        pytest.skip("the example calls the `redact` console script, not installed here")
    result = subprocess.run(
        ["bash", str(REPO / "examples" / "pipeline.sh")], capture_output=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert b"[PERSON_1]" in result.stdout
    assert b"Renata" not in result.stdout
    audit = json.loads((tmp_path / "audit.json").read_text())
    assert audit["summary"]["by_entity"]["PHONE_NUMBER"] == 1


# --- a conversation through the vault, and an LLM's draft restored ----------------------

SISTER = "Odalys Fenwick"
TURN1 = f"THERAPIST: Welcome back, {NAME}. Is {PHONE} still your number?\n"
TURN2 = f"CLIENT: Yes. My sister {SISTER} drove me on 03/14/2024. Dana is fine.\n"
DRAFT = "Progress note: [person_1]'s sleep improved; PERSON_2 drove her. Call [PHONE_1].\n"
RESTORED = f"Progress note: {NAME}'s sleep improved; {SISTER} drove her. Call {PHONE}.\n"


class RoundTrip:
    """Four runs of the console script on one vault (each a separate process)."""

    def __init__(self, sandbox: Sandbox, root: Path) -> None:
        self.vault = root / "client.vault"
        keyfile = root / "vault.key"
        self.key = phimin.generate_vault_key()
        keyfile.write_text(self.key + "\n")
        keyfile.chmod(0o600)
        env = {"PHIMIN_VAULT_KEY_FILE": str(keyfile), "PHIMIN_VAULT_KEY": ""}
        modules = root / "modules.json"
        vault = ["--vault", str(self.vault)]
        self.turn1 = sandbox.run([*REDACT, *vault], stdin=TURN1.encode(), extra_env=env)
        self.turn2 = sandbox.run([*REDACT, *vault], stdin=TURN2.encode(), extra_env=env)
        self.restore = sandbox.run(
            [*REDACT, "--restore", *vault],
            stdin=DRAFT.encode(),
            extra_env={**env, "PHIMIN_MODULES_MARK": str(modules)},
        )
        self.restore_modules: list[str] = json.loads(modules.read_text())
        wrong_key = {**env, "PHIMIN_VAULT_KEY": phimin.generate_vault_key()}
        self.wrong_key = sandbox.run(
            [*REDACT, "--restore", *vault], stdin=DRAFT.encode(), extra_env=wrong_key
        )
        self.ran = [line for line in sandbox.lines() if str(self.vault) in line]


@pytest.fixture(scope="module")
def round_trip(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> RoundTrip:
    return RoundTrip(sandbox, tmp_path_factory.mktemp("vault"))


@pytest.mark.slow
def test_vault_round_trip_through_the_console_script(round_trip: RoundTrip) -> None:
    rt = round_trip
    assert rt.turn1.returncode == 0, rt.turn1.stderr
    assert (
        rt.turn1.stdout == b"THERAPIST: Welcome back, [PERSON_1]. Is [PHONE_1] still your number?\n"
    )
    assert rt.turn2.returncode == 0, rt.turn2.stderr
    assert b"sister [PERSON_2] drove me on [date in 2024]. [PERSON_1] is fine." in rt.turn2.stdout
    assert rt.restore.returncode == 0, rt.restore.stderr
    assert rt.restore.stdout.decode() == RESTORED
    assert rt.restore.stderr == b"redact: restored 3; left none\n"
    assert len(rt.ran) == 4, "every run was a process with sockets blocked"
    assert rt.vault.stat().st_mode & 0o777 == 0o600
    vault = rt.vault.read_bytes()
    no_phi(vault, rt.turn1.stdout, rt.turn2.stdout, rt.turn1.stderr, rt.turn2.stderr)
    no_phi(rt.restore.stderr, rt.wrong_key.stderr)
    assert SISTER.encode() not in vault and b"Fenwick" not in vault


@pytest.mark.slow
def test_a_wrong_vault_key_exits_2_and_writes_nothing(round_trip: RoundTrip) -> None:
    wrong = round_trip.wrong_key
    assert wrong.returncode == 2
    assert wrong.stdout == b""
    assert wrong.stderr == b"redact: error: wrong vault key; output stopped\n"
    assert round_trip.key.encode() not in wrong.stderr


@pytest.mark.slow
def test_restore_does_not_load_the_model(round_trip: RoundTrip) -> None:
    assert "phimin.cli.restore_mode" in round_trip.restore_modules
    loaded = {"phimin._redactor", "phimin._nlp", "phimin._session", "phimin.cli.filter_mode"}
    assert loaded.isdisjoint(round_trip.restore_modules)


@pytest.mark.slow
def test_restore_does_not_import_spacy(round_trip: RoundTrip) -> None:
    assert "spacy" not in round_trip.restore_modules
    assert "presidio_analyzer" not in round_trip.restore_modules


# --- a 20 MB input ------------------------------------------------------------------------

PLANTED = f"Client {NAME} called from {PHONE} about the 03/14/2024 visit.\n"
PLANTED_SAFE = "Client [PERSON_1] called from [PHONE_1] about the [date in 2024] visit.\n"


@pytest.mark.slow
def test_a_20_mb_input_streams_through_with_bounded_memory(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    # Mostly blank lines (cheap for the model), with an identifier line every ~256 KiB,
    # so the run stays short while the text still crosses a hundred stream windows.
    section = PLANTED + "\n" * (256 * 1024 - len(PLANTED))
    text = section * 80
    assert len(text.encode()) == 20 * 1024 * 1024
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text(text, encoding="utf-8")
    with source.open("rb") as stdin, target.open("wb") as stdout:
        proc = subprocess.Popen(
            REDACT, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=sandbox.env
        )
        _, err = proc.communicate()
    assert proc.returncode == 0, err
    assert sandbox.blocked(proc.pid)
    assert target.read_text(encoding="utf-8") == text.replace(PLANTED, PLANTED_SAFE)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # any child so far
    assert peak_kib < 1024 * 1024, "a child process went over 1 GiB"


# --- pre-commit, end to end -------------------------------------------------------------

CLEAN_DRAFT = "# Progress note\nClient reports better sleep. PHQ-9 is 9, down from 14.\n"
LEAKY_DRAFT = f"# Progress note\nClient {NAME} can be reached at {PHONE}.\n"
ALLOWED_DRAFT = (
    "# Progress note\nClinic front desk: 555-201-3344  <!-- phimin: allow phimin.phone.nanp -->\n"
)


def _closure(root: str) -> dict[str, md.Distribution]:
    """Installed distributions `root` needs (its dependencies, recursively; no extras)."""
    seen: dict[str, md.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[key] = dist
        for raw in dist.requires or []:
            req = Requirement(raw)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    seen.pop("phimin", None)
    return seen


def _offline_sources() -> tuple[list[Path], list[Path]]:
    """Local (file://) package indexes and find-links folders that pip is configured with."""
    listing = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, check=False
    ).stdout
    values = [
        *(
            m.group(2)
            for m in re.finditer(
                r"^\S*\.(index-url|extra-index-url|find-links)='(.*)'$", listing, re.MULTILINE
            )
        ),
        *(
            os.environ.get(k, "")
            for k in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS")
        ),
    ]
    indexes, links = [], []
    for value in values:
        for item in value.split():
            path = Path(item.removeprefix("file://"))
            if not path.is_dir():
                continue
            (indexes if item.startswith("file://") else links).append(path)
    return indexes, links


def _available_offline(key: str, indexes: list[Path], links: list[Path]) -> bool:
    prefix = key.replace("-", "_")
    return any((root / key).is_dir() for root in indexes) or any(
        f.name.lower().replace("-", "_").startswith(prefix + "_")
        or f.name.lower().replace("-", "_").startswith(prefix + "-")
        for folder in links
        for f in folder.iterdir()
    )


def _wheel_from_installed(dist: md.Distribution, dest: Path) -> Path | None:
    """Re-pack an installed pure-Python distribution as a wheel (None if not pure)."""
    files = list(dist.files or [])
    info = next(f for f in files if f.name == "METADATA" and f.parent.name.endswith(".dist-info"))
    meta = dist.read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip() for line in meta.splitlines() if line.startswith("Tag:")]
    if "Root-Is-Purelib: true" not in meta or not tags:
        return None
    if not all(t.endswith("-none-any") for t in tags):
        return None
    pythons = ".".join(sorted({t.split("-")[0] for t in tags}))
    wheel = dest / f"{info.parent.name.removesuffix('.dist-info')}-{pythons}-none-any.whl"
    record = []
    skip = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_STORED) as zf:
        for f in files:
            if (
                (f.parent == info.parent and f.name in skip)
                or f.suffix == ".pyc"
                or ".." in f.parts
            ):
                continue
            data = Path(str(dist.locate_file(f))).read_bytes()
            zf.writestr(str(f), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            record.append(f"{f},sha256={digest.decode()},{len(data)}")
        record.append(f"{info.parent}/RECORD,,")
        zf.writestr(f"{info.parent}/RECORD", "\n".join(record) + "\n")
    return wheel


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wheels, from this environment, of phimin's dependencies that no local index has.

    pre-commit builds the hook's own virtualenv with `pip install .`; with the network
    blocked, pip can use only local indexes. Dependencies missing there (the spaCy
    model package, for one) are re-packed from the installed copies here.
    """
    dest = tmp_path_factory.mktemp("wheelhouse")
    indexes, links = _offline_sources()
    unpackable = []
    for key, dist in sorted(_closure("phimin").items()):
        if _available_offline(key, indexes, links):
            continue
        if _wheel_from_installed(dist, dest) is None:
            unpackable.append(key)
    if unpackable:
        pytest.skip(f"no offline source for compiled dependencies: {', '.join(unpackable)}")
    return dest


@pytest.fixture(scope="module")
def git_env(sandbox: Sandbox, wheelhouse: Path) -> Mapping[str, str]:
    links = " ".join(filter(None, [os.environ.get("PIP_FIND_LINKS"), str(wheelhouse)]))
    return {
        **sandbox.env,
        "PIP_FIND_LINKS": links,
        "GIT_AUTHOR_NAME": "phimin tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "phimin tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def _git(repo: Path, env: Mapping[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repo, env=dict(env), capture_output=True, text=True, check=False
    )


@pytest.fixture
def notes_repo(tmp_path: Path, git_env: Mapping[str, str]) -> Path:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and phimin's own git repository")
    repo = tmp_path / "notes"
    repo.mkdir()
    assert _git(repo, git_env, "init", "-q").returncode == 0
    (repo / "clean.md").write_text(CLEAN_DRAFT)
    (repo / "leaky.md").write_text(LEAKY_DRAFT)
    (repo / "allowed.md").write_text(ALLOWED_DRAFT)
    return repo


def _pre_commit(repo: Path, env: Mapping[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=dict(env),
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


@pytest.mark.slow
def test_pre_commit_try_repo_blocks_the_leaky_draft_only(
    notes_repo: Path, git_env: Mapping[str, str], sandbox: Sandbox
) -> None:
    """`pre-commit try-repo` installs the hook from this repository and runs it.

    `--ref` pins HEAD's commit: without it, try-repo copies uncommitted changes to
    tracked files but not new files, which breaks on work in progress in a checkout.
    """
    rev = _git(REPO, git_env, "rev-parse", "HEAD").stdout.strip()
    result = _pre_commit(
        notes_repo,
        git_env,
        "try-repo",
        str(REPO),
        "phimin",
        "--ref",
        rev,
        "--files",
        "clean.md",
        "leaky.md",
        "allowed.md",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "leaky.md:2:8: phimin.name.gazetteer PERSON (identifier)" in output
    assert "leaky.md:2:41: phimin.phone.nanp PHONE_NUMBER (identifier)" in output
    assert "clean.md:" not in output and "allowed.md:" not in output
    assert "phimin: allow RULE_ID" in output
    no_phi(output.encode())
    hooks = [line for line in sandbox.lines() if "redact" in line and "--check" in line]
    assert hooks, "the hook ran in a process with sockets blocked"


def readme_hook_configs() -> list[str]:
    """The `.pre-commit-config.yaml` snippets of the README's "Pre-commit check" section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Pre-commit check", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)


def test_the_readme_names_no_rev_that_does_not_exist() -> None:
    """The README once pinned `rev: v0.1.0`, a tag that was never made."""
    remote, local = readme_hook_configs()
    assert "repo: local" in local and "entry: redact --check" in local
    revs = re.findall(r"^\s*rev:\s*(.*)$", remote, re.MULTILINE)
    assert revs == ["main"], "the branch, until `pre-commit autoupdate` pins a commit"
    if shutil.which("git") and (REPO / ".git").exists():
        refs = subprocess.run(
            ["git", "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        if not refs:
            pytest.skip("not a git checkout with branches")
        assert {"main", "origin/main"} & set(refs), "the README's rev names a branch that exists"


@pytest.mark.slow
def test_pre_commit_hook_commits_clean_and_allowed_drafts_and_blocks_phi(
    notes_repo: Path, git_env: Mapping[str, str], tmp_path: Path
) -> None:
    """The README's snippet, as users do: its URL (here this checkout), `pre-commit
    autoupdate` to fill in the rev, then `pre-commit install`."""
    env = {**git_env, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    remote = readme_hook_configs()[0]
    config = remote.replace("https://github.com/phimin/phimin", str(REPO))
    (notes_repo / ".pre-commit-config.yaml").write_text(config)
    update = _pre_commit(notes_repo, env, "autoupdate")
    assert update.returncode == 0, update.stdout + update.stderr
    head = _git(REPO, env, "rev-parse", "HEAD").stdout.strip()
    pinned = re.findall(r"rev: (\S+)", (notes_repo / ".pre-commit-config.yaml").read_text())
    tags = _git(REPO, env, "tag").stdout.split()
    assert pinned == [head] or pinned[0] in tags, "autoupdate pins a commit (or a tag)"
    assert _pre_commit(notes_repo, env, "install").returncode == 0

    def commit(name: str) -> subprocess.CompletedProcess[str]:
        assert _git(notes_repo, env, "add", name, ".pre-commit-config.yaml").returncode == 0
        return _git(notes_repo, env, "commit", "-q", "-m", f"add {name}")

    clean = commit("clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    leaky = commit("leaky.md")
    assert leaky.returncode != 0
    assert "leaky.md:2:41: phimin.phone.nanp PHONE_NUMBER (identifier)" in leaky.stderr
    no_phi((leaky.stdout + leaky.stderr).encode())
    assert _git(notes_repo, env, "reset", "-q", "leaky.md").returncode == 0
    allowed = commit("allowed.md")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    log = _git(notes_repo, env, "log", "--name-only", "--format=").stdout.split()
    assert sorted(set(log)) == [".pre-commit-config.yaml", "allowed.md", "clean.md"]


@pytest.mark.slow
def test_pre_commit_local_hook_from_the_readme_blocks_phi(sandbox: Sandbox, tmp_path: Path) -> None:
    """The README's `repo: local` snippet, verbatim, with the real pre-commit: it runs
    the `redact` on the PATH and needs nothing fetched."""
    bin_dir = Path(sys.executable).parent
    if shutil.which("git") is None or not (bin_dir / "redact").exists():
        pytest.skip("needs git and the installed `redact` console script")
    env = {
        **sandbox.env,
        "PATH": os.pathsep.join([str(bin_dir), os.environ.get("PATH", "")]),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    repo = tmp_path / "notes"
    repo.mkdir()
    assert _git(repo, env, "init", "-q").returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(readme_hook_configs()[1])
    for name, text in (("clean.md", CLEAN_DRAFT), ("leaky.md", LEAKY_DRAFT)):
        (repo / name).write_text(text)
    (repo / "allowed.md").write_text(ALLOWED_DRAFT)
    result = _pre_commit(
        repo, env, "run", "--files", "clean.md", "leaky.md", "allowed.md", ".pre-commit-config.yaml"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "leaky.md:2:41: phimin.phone.nanp PHONE_NUMBER (identifier)" in output
    assert "clean.md:" not in output and "allowed.md:" not in output
    no_phi(output.encode())
    hooks = [line for line in sandbox.lines() if "redact" in line and "--check" in line]
    assert hooks, "the hook ran in a process with sockets blocked"
    # the snippet itself, committed beside the drafts, passes its own hook ("id: phimin",
    # "name: phimin (...)" were PERSON findings once)
    clean = _pre_commit(
        repo, env, "run", "--files", "clean.md", "allowed.md", ".pre-commit-config.yaml"
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
