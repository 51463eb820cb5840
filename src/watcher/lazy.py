"""Package names loaded at first use (PEP 562): a package re-exports its modules' names without
importing those modules when the package itself is imported.

Why: importing a package runs its ``__init__`` first, so eager re-exports there load every module
of the package for whoever needs only one of them — the config importing two small discovery
modules would load lxml, feedparser and the HTTP client; recording a page's template blocks would
compile the claim engine's regular expressions. A name is imported from its module when it is
first read, then kept in the package like an eager import.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def exports(package: str, namespace: dict[str, Any], where: Mapping[str, tuple[str, ...]]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package`` (whose globals are ``namespace``): each name of
    ``where[module]`` comes from ``package.module`` when first read."""
    home = {name: module for module, names in where.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__
