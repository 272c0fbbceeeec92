"""Presidio's analyzer without its predefined recognizers, until one is asked for.

`import presidio_analyzer` imports every predefined recognizer of every country (the
registry module imports the package that holds them), and some compile large regexes
as they are defined: about a third of a second on every start, for recognizers phimin
never runs. `defer_predefined_recognizers()`, called when phimin is imported, makes the
packages under `presidio_analyzer.predefined_recognizers` import a recognizer's module
only when its name is first looked up (`from ...predefined_recognizers import
EmailRecognizer` imports `generic/email_recognizer.py` and nothing else). A name a
package's `__init__` defines otherwise (`NLP_RECOGNIZERS`, `__all__`) runs that whole
`__init__`, as a plain import would have.

Presidio finds a recognizer named in its configuration by class, among
`EntityRecognizer.__subclasses__()`; that lookup (`RecognizerListLoader.
get_all_existing_recognizers`) first imports every deferred recognizer, so a default
`AnalyzerEngine()` in the same process has all of them, as without this. Nothing is
deferred when Presidio was imported before phimin, or when its files are not laid out
as expected (then the plain import runs). The hook (a finder on `sys.meta_path`) acts
on those packages' names and on the lookup's module, and leaves every other import to
the usual finders.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["defer_predefined_recognizers", "import_every_recognizer"]

_ROOT = "presidio_analyzer"
_ZOO = "presidio_analyzer.predefined_recognizers"
_LOADER_UTILS = "presidio_analyzer.recognizer_registry.recognizers_loader_utils"

_deferred: list[ModuleType] = []  # the packages made lazy, to import whole on demand
_lock = threading.RLock()


def defer_predefined_recognizers() -> None:
    """Make the next first import of `presidio_analyzer` defer its recognizers."""
    if _ROOT in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())


def import_every_recognizer() -> None:
    """Run the `__init__` of every package whose imports were deferred."""
    with _lock:
        while _deferred:  # running one may defer another (while the hook is on)
            _materialize(_deferred[0])


class _Finder(importlib.abc.MetaPathFinder):
    """Finds Presidio's recognizer packages (lazy) and its lookup's module (wrapped)."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        zoo = fullname == _ZOO or fullname.startswith(_ZOO + ".")
        if fullname != _LOADER_UTILS and not zoo:
            return None  # found as usual
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        if fullname == _LOADER_UTILS:
            spec.loader = _Wrapped(spec.loader, after=_import_all_before_lookup)
        elif _is_source_package(spec):
            spec.loader = _LazyPackage()
        else:
            return None  # a recognizer's own module: found and run as usual
        return spec


class _Wrapped(importlib.abc.Loader):
    """The real loader, then `after(module)`."""

    def __init__(self, loader: Any, after: Callable[[ModuleType], None]) -> None:
        self._loader = loader
        self._after = after

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        try:
            self._loader.exec_module(module)
        finally:
            self._after(module)


class _LazyPackage(importlib.abc.Loader):
    """A package whose `from .x import Name` lines run when `Name` is first looked up."""

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        import ast

        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        sources: dict[str, tuple[str, str]] = {}  # name -> (module, name there)
        for node in ast.parse(source).body:
            if isinstance(node, ast.ImportFrom) and node.module:
                where = _absolute(module.__name__, node.module, node.level)
                for alias in node.names:
                    sources[alias.asname or alias.name] = (where, alias.name)
        module.__dict__["_phimin_deferred"] = (source, sources)
        module.__dict__["__getattr__"] = _lookup(module)
        with _lock:
            _deferred.append(module)


def _lookup(module: ModuleType) -> Callable[[str], Any]:
    def __getattr__(name: str) -> Any:
        _, sources = module.__dict__.get("_phimin_deferred", (None, {}))
        found = sources.get(name)
        if found is not None:  # imported outside the lock: imports take their own
            where, there = found
            value = getattr(importlib.import_module(where), there)
            module.__dict__[name] = value
            return value
        if name.startswith("__") and name != "__all__":  # __path__, __wrapped__...
            raise AttributeError(name)
        if _is_submodule(module, name):  # `from package import module`
            return importlib.import_module(f"{module.__name__}.{name}")
        with _lock:
            _materialize(module)
        try:
            return module.__dict__[name]
        except KeyError:
            raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}") from None

    return __getattr__


def _materialize(module: ModuleType) -> None:
    """Run the package's own `__init__` (once): every name it defines, defined."""
    if module in _deferred:
        _deferred.remove(module)
    deferred = module.__dict__.pop("_phimin_deferred", None)
    if deferred is None:
        return
    module.__dict__.pop("__getattr__", None)
    source, _ = deferred
    exec(compile(source, str(module.__file__), "exec"), module.__dict__)


def _is_submodule(package: ModuleType, name: str) -> bool:
    return any(
        (Path(folder) / f"{name}.py").is_file() or (Path(folder) / name / "__init__.py").is_file()
        for folder in getattr(package, "__path__", ())
    )


def _absolute(package: str, name: str, level: int) -> str:
    if level == 0:
        return name
    base = package.rsplit(".", level - 1)[0] if level > 1 else package
    return f"{base}.{name}"


def _is_source_package(spec: importlib.machinery.ModuleSpec) -> bool:
    return (
        spec.submodule_search_locations is not None
        and spec.origin is not None
        and spec.origin.endswith("__init__.py")
        and Path(spec.origin).is_file()
    )


def _import_all_before_lookup(module: ModuleType) -> None:
    """Presidio looks recognizers up among subclasses: let them all exist first."""
    loader = getattr(module, "RecognizerListLoader", None)
    found = getattr(loader, "get_all_existing_recognizers", None)
    if loader is None or found is None:
        return

    def get_all_existing_recognizers(cls: Any = None) -> Any:
        import_every_recognizer()
        return found(cls)

    loader.get_all_existing_recognizers = staticmethod(get_all_existing_recognizers)
