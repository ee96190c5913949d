"""Grader-side view of a learner's notebook: the `submission` object that hidden suites call.

`submission.name(*args)` calls the learner's `name` in the kernel and returns plain data; objects
that are not data come back as `Remote` handles whose attributes and methods are reached the same
way. `submission.probe(code, *args)` runs a small probe function next to the learner's code (for
gradients, training loops) and returns its data. Failures on the learner's side arrive as
`SubmissionError`, which a suite may expect (`with raises("ValueError")`) or let fail the test.
"""
from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any, Protocol

from . import wire

MAX_REPLY_CHARS = 512 * 1024 * 1024


class Channel(Protocol):
    def request(self, payload: str, timeout: float) -> str | None: ...


class SubmissionError(Exception):
    """The learner's code raised, was missing, or the kernel did not answer."""

    def __init__(self, what: str, type_name: str, message: str, mro: list[str] | None = None,
                 traceback: str = "") -> None:
        self.what, self.type_name, self.message = what, type_name, message
        self.mro = mro or [type_name]
        self.traceback = traceback
        detail = f"{type_name}: {message}" if message else type_name
        super().__init__(f"{what} raised {detail}")

    def is_a(self, type_name: str) -> bool:
        """Whether the learner's exception is (a subclass of) the named built-in exception type."""
        return type_name in self.mro


class MissingName(SubmissionError):
    def __init__(self, name: str) -> None:
        super().__init__(name, "NameError", "")
        self.args = (f"`{name}` is not defined in your notebook",)


class KernelUnavailable(SubmissionError):
    def __init__(self, what: str, reason: str) -> None:
        super().__init__(what, "KernelError", reason)
        self.args = (f"{what}: {reason}",)


class Submission:
    """The learner's names, callable from a suite. Every call has a time limit."""

    def __init__(self, channel: Channel, call_timeout: float, deadline: float | None = None) -> None:
        self._channel = channel
        self.call_timeout = call_timeout
        self.deadline = deadline  # time.monotonic() after which no more calls are made

    def __getattr__(self, name: str) -> Remote:
        if name.startswith("_"):
            raise AttributeError(name)
        return Remote(self, {"name": name}, name)

    def probe(self, code: str, *args: Any, **kwargs: Any) -> Any:
        """Run `def probe(sub, *args, **kwargs)` from `code` in the kernel; `sub.name` is a learner name."""
        return self._send({"op": "probe", "code": code, "args": self._enc(list(args)),
                           "kwargs": self._enc(kwargs)}, "your code (in a grader probe)")

    # -- transport ------------------------------------------------------------------------------
    @staticmethod
    def _enc(value: Any) -> Any:
        return wire.encode(value, make_handle=_remote_handle)

    def _send(self, request: dict[str, Any], what: str) -> Any:
        from .kernel import KernelDied, KernelTimeout

        timeout = self.call_timeout
        if self.deadline is not None:
            timeout = min(timeout, self.deadline - time.monotonic())
            if timeout <= 0:
                raise KernelUnavailable(what, "not run: the notebook's time limit was reached")
        try:
            text = self._channel.request(wire.dumps(request), timeout)
        except KernelTimeout:
            raise KernelUnavailable(what, f"did not finish within {timeout:.3g} s") from None
        except KernelDied as exc:
            raise KernelUnavailable(what, f"cannot run: {exc}") from None
        if text is None:
            raise KernelUnavailable(what, "gave no answer (the grader's agent in your kernel was "
                                          "removed or replaced)")
        if len(text) > MAX_REPLY_CHARS:
            raise SubmissionError(what, "ValueError", "returned a value too large to grade")
        try:
            reply = wire.loads(text)
            if reply.get("ok") is True:
                return wire.decode(reply["value"], self._resolve)
            err = reply["error"]
            if err["type"] == "NameError" and str(err["message"]).endswith("is not defined in your notebook"):
                raise MissingName(request.get("name", "?"))
            raise SubmissionError(what, str(err["type"]), str(err["message"]),
                                  [str(m) for m in err.get("mro", [])], str(err.get("traceback", "")))
        except (wire.WireError, KeyError, TypeError, AttributeError, ValueError) as exc:
            if isinstance(exc, SubmissionError):
                raise
            raise SubmissionError(what, "ValueError", f"returned something that is not gradable data ({exc})") from None

    def _resolve(self, handle: wire.Handle) -> Remote:
        return Remote(self, {"handle": handle.hid}, f"<{handle.type_name} object>", handle.type_name)


class Remote:
    """A learner's callable or object that lives in the kernel."""

    def __init__(self, submission: Submission, target: dict[str, Any], label: str,
                 type_name: str = "") -> None:
        self._submission, self._target, self._label, self.type_name = submission, target, label, type_name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        s = self._submission
        return s._send({"op": "call", **self._target, "args": s._enc(list(args)),
                        "kwargs": s._enc(kwargs)}, f"{self._label}(...)")

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("_"):
            raise AttributeError(attr)
        if "handle" not in self._target:
            raise AttributeError(f"{self._label} is looked up by name; call it or use submission.probe")
        s = self._submission
        return s._send({"op": "get", **self._target, "attr": attr}, f"{self._label}.{attr}")

    def __repr__(self) -> str:
        return f"<learner's {self._label}>"


def _remote_handle(obj: Any) -> Any:
    if isinstance(obj, Remote) and "handle" in obj._target:
        return {"$handle": {"id": obj._target["handle"], "type": obj.type_name}}
    raise wire.WireError(f"cannot send an object of type {type(obj).__name__} to the kernel")


@contextlib.contextmanager
def raises(type_name: str, match: str = "") -> Iterator[None]:
    """Expect the learner's code to raise `type_name` (or a subclass), e.g. `with raises("ValueError")`."""
    try:
        yield
    except SubmissionError as exc:
        if isinstance(exc, KernelUnavailable) or not exc.is_a(type_name):
            raise AssertionError(f"expected {type_name}, but {exc}") from None
        if match and match not in exc.message:
            raise AssertionError(f"expected {type_name} mentioning {match!r}, got: {exc.message}") from None
        return
    raise AssertionError(f"expected {type_name} to be raised, but nothing was raised")
