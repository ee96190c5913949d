"""Banned APIs: a static check of the notebook's code and a run-time guard inside the kernel.

A card's `banned` list names callables by dotted path (`torch.nn.functional.scaled_dot_product_attention`).
The static check finds any reference to the final name in the learner's code (not in comments or
strings); the guard, sent into the kernel before the notebook runs, replaces each banned callable
by one that raises, so aliases taken later still fail with a message saying what is not allowed.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from .cards import Banned


@dataclass(frozen=True)
class Finding:
    name: str
    line: int
    reason: str

    def message(self) -> str:
        return f"your code uses {self.name} (line {self.line} of the code cells), which this question does not allow: {self.reason}"


_MAGIC = re.compile(r"^\s*[%!].*$", re.MULTILINE)


def scan(code: str, banned: tuple[Banned, ...], lang: str = "en") -> list[Finding]:
    """References to banned callables in `code` (all code cells joined): attribute access such as
    `F.scaled_dot_product_attention` and imports of the name; a learner's own function that happens
    to share the name (`def dropout`) is not a reference."""
    if not banned:
        return []
    wanted = {b.name.rsplit(".", 1)[-1]: b for b in banned}
    try:
        tree = ast.parse(_MAGIC.sub("", code))
    except SyntaxError:
        return _scan_text(code, wanted, lang)
    found = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Attribute):
            names = [node.attr]
        elif isinstance(node, ast.ImportFrom):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name.rsplit(".", 1)[-1] for a in node.names]
        for name in names:
            if name in wanted:
                b = wanted[name]
                found.add(Finding(b.name, getattr(node, "lineno", 0), b.reason.get(lang) or b.reason.get("en", "")))
    return sorted(found, key=lambda f: (f.line, f.name))


def _scan_text(code: str, wanted: dict[str, Banned], lang: str) -> list[Finding]:
    found = []
    for lineno, line in enumerate(code.splitlines(), 1):
        line = line.split("#", 1)[0]
        for short, b in wanted.items():
            if re.search(rf"(\.|\bimport\s+){re.escape(short)}\b", line):
                found.append(Finding(b.name, lineno, b.reason.get(lang) or b.reason.get("en", "")))
    return found


GUARD = '''
def __grader_guard(banned):
    import importlib
    class BannedAPIError(RuntimeError):
        pass
    for dotted, reason in banned:
        module_name, _, attr = dotted.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        def blocked(*args, __name=dotted, __reason=reason, **kwargs):
            raise BannedAPIError(f"{__name} is not allowed in this question: {__reason}")
        setattr(module, attr, blocked)
__grader_guard(BANNED)
del __grader_guard
'''


def guard_code(banned: tuple[Banned, ...]) -> str:
    """Kernel code that makes every banned callable raise when called."""
    pairs = [(b.name, b.reason.get("en", "")) for b in banned]
    return GUARD.replace("BANNED", repr(pairs)) if pairs else ""
