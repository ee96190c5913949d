"""Banned APIs: a static check of the notebook's code and a run-time guard inside the kernel.

A card's `banned` list names callables by dotted path (`torch.nn.functional.scaled_dot_product_attention`).
The static check finds any reference to the final name in the learner's code (not in comments or
strings). The guard, sent into the kernel before the notebook runs, replaces each banned callable by
one that raises as soon as its module is imported (it imports nothing itself, so it costs nothing),
so aliases taken later still fail with a message saying what is not allowed.
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
    wanted = _by_short_name(banned)
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
                found.add(_finding(wanted[name], getattr(node, "lineno", 0), lang))
    return sorted(found, key=lambda f: (f.line, f.name))


def _by_short_name(banned: tuple[Banned, ...]) -> dict[str, list[Banned]]:
    wanted: dict[str, list[Banned]] = {}
    for b in banned:
        wanted.setdefault(b.name.rsplit(".", 1)[-1], []).append(b)
    return wanted


def _finding(candidates: list[Banned], line: int, lang: str) -> Finding:
    reason = candidates[0].reason.get(lang) or candidates[0].reason.get("en", "")
    return Finding(" or ".join(b.name for b in candidates), line, reason)


def _scan_text(code: str, wanted: dict[str, list[Banned]], lang: str) -> list[Finding]:
    found = []
    for lineno, line in enumerate(code.splitlines(), 1):
        line = line.split("#", 1)[0]
        for short, b in wanted.items():
            if re.search(rf"(\.|\bimport\s+){re.escape(short)}\b", line):
                found.append(_finding(b, lineno, lang))
    return found


GUARD = '''
def __grader_guard(banned):
    import builtins, sys

    class BannedAPIError(RuntimeError):
        pass

    pending = dict(banned)  # dotted name -> reason

    def blocker(name, why):
        def blocked(*args, **kwargs):
            raise BannedAPIError(f"{name} is not allowed in this question: {why}")
        return blocked

    def owner(dotted):
        # the object holding the banned attribute, reached from its longest imported module prefix
        parts = dotted.split(".")
        for i in range(len(parts) - 1, 0, -1):
            module = sys.modules.get(".".join(parts[:i]))
            if module is not None:
                obj = module
                for attr in parts[i:-1]:
                    obj = getattr(obj, attr, None)
                    if obj is None:
                        return None
                return obj
        return None

    busy = [False]

    def apply():
        # re-entered when reaching an attribute imports lazily (scipy); must never break an import
        if busy[0]:
            return
        busy[0] = True
        try:
            for dotted in list(pending):
                obj = owner(dotted)
                name = dotted.rpartition(".")[2]
                if obj is not None and dotted in pending and hasattr(obj, name):
                    try:
                        setattr(obj, name, blocker(dotted, pending.pop(dotted)))
                    except (AttributeError, TypeError):  # a C type's attribute: the static check covers it
                        pass
        except Exception:
            pass
        finally:
            busy[0] = False
        if not pending:
            builtins.__import__ = original

    original = builtins.__import__
    depth = [0]

    def hooked(*args, **kwargs):
        # patch only when the outermost import is done: a module still initialising would
        # overwrite the patch with its own definition
        depth[0] += 1
        try:
            return original(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                apply()

    builtins.__import__ = hooked
    apply()

__grader_guard(BANNED)
del __grader_guard
'''


def guard_code(banned: tuple[Banned, ...]) -> str:
    """Kernel code that makes every banned callable raise when called."""
    pairs = [(b.name, b.reason.get("en", "")) for b in banned]
    return GUARD.replace("BANNED", repr(pairs)) if pairs else ""
