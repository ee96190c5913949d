"""A learner's kernel: start it (through a launcher that may sandbox it), run a notebook in it with
nbclient, and exchange bridge requests with the agent inside it.

All kernel I/O runs on an asyncio loop in a background thread, so callers (the CLI, pytest suites)
use plain blocking methods. A kernel can be started ahead of time and handed over later, which is
what a pool of pre-started kernels needs.
"""
from __future__ import annotations

import asyncio
import sys
import threading
import time
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from .wire import REPLY_MIME

INTERRUPT_GRACE_S = 5  # how long a kernel may take to stop after an interrupt
AGENT_SOURCES = ("wire.py", "agent.py")


class KernelDied(RuntimeError):
    """The kernel process is gone (crashed, killed or exited)."""


class KernelTimeout(TimeoutError):
    """The kernel did not answer in time; it has been interrupted or killed."""


@dataclass
class CellRun:
    """What happened when one code cell ran."""

    index: int
    status: str  # ok | error | timeout | dead | skipped
    error: str = ""


@dataclass
class NotebookRun:
    cells: list[CellRun] = field(default_factory=list)
    output_chars: int = 0
    output_truncated: bool = False

    @property
    def kernel_died(self) -> bool:
        return any(c.status == "dead" for c in self.cells)


class _LaunchingKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose kernel command goes through a launcher (sandbox, limits)."""

    wrap_command: Callable[[list[str]], list[str]] = staticmethod(lambda argv: argv)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return self.wrap_command(super().format_kernel_cmd(extra_arguments))


class KernelSession:
    """One learner kernel. Use as a context manager; every method blocks the calling thread."""

    def __init__(self, workdir: Path, env: dict[str, str],
                 wrap_command: Callable[[list[str]], list[str]] | None = None,
                 output_limit: int = 1_000_000) -> None:
        self.workdir = Path(workdir)
        self.env = env
        self.output_limit = output_limit
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kernel-io", daemon=True)
        self._thread.start()
        km = _LaunchingKernelManager(transport="ipc", ip=str(self.workdir / ".kernel"))
        if wrap_command is not None:
            km.wrap_command = wrap_command
        km._kernel_spec = KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python 3", language="python", interrupt_mode="message")
        km.connection_file = str(self.workdir / f".kernel-{uuid.uuid4().hex[:8]}.json")
        self.km = km
        self.kc: Any = None
        self.dead_reason = ""
        self.timed_out = False  # a cell or a call ran past its time limit

    # -- plumbing ----------------------------------------------------------------------------------
    def _run(self, coro: Coroutine[Any, Any, Any], timeout: float | None = None) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def __enter__(self) -> KernelSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self, timeout: float = 60) -> None:
        """Start the kernel process and wait until it answers."""
        self._run(self._start(timeout))

    async def _start(self, timeout: float) -> None:
        log = open(self.workdir / ".kernel.log", "wb")  # noqa: SIM115 - the kernel process owns it
        await self.km.start_kernel(env=self.env, cwd=str(self.workdir), stdout=log, stderr=log,
                                   stdin=-3)  # subprocess.DEVNULL
        log.close()
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=timeout)
        self.kc.allow_stdin = False

    def interrupt(self) -> None:
        self._run(self.km.interrupt_kernel())

    def close(self) -> None:
        try:
            if self.kc is not None:
                self.kc.stop_channels()
            if self.km.has_kernel:
                self._run(self.km.shutdown_kernel(now=True), timeout=10)
        except Exception:  # noqa: BLE001
            pass
        finally:
            try:
                self._run(_cancel_pending(), timeout=5)
            except Exception:  # noqa: BLE001
                pass
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
            self._loop.close()

    # -- running a notebook ------------------------------------------------------------------------
    def run_notebook(self, nb: Any, cell_timeout: float, deadline: float) -> NotebookRun:
        """Run every code cell in order; a failing cell is recorded and the next one still runs."""
        return self._run(self._run_notebook(nb, cell_timeout, deadline))

    async def _run_notebook(self, nb: Any, cell_timeout: float, deadline: float) -> NotebookRun:
        run = NotebookRun()
        client = _BoundedClient(nb, km=self.km, timeout=cell_timeout, allow_errors=True,
                                interrupt_on_timeout=False,
                                output_limit=self.output_limit, run=run)
        client.kc = self.kc
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if self.dead_reason:
                run.cells.append(CellRun(index, "dead", self.dead_reason))
                continue
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                run.cells.append(CellRun(index, "timeout", "the notebook's time limit was reached"))
                continue
            client.timeout = limit = max(1, int(min(cell_timeout, remaining)))
            try:
                # nbclient raises at the cell's timeout; the outer bound is a backstop.
                await asyncio.wait_for(client.async_execute_cell(cell, index), timeout=limit + INTERRUPT_GRACE_S)
            except (CellTimeoutError, asyncio.TimeoutError):
                self.timed_out = True
                run.cells.append(CellRun(index, "timeout", f"cell ran longer than {limit} s"))
                await self.km.interrupt_kernel()
                if not await self._recover():
                    self.dead_reason = "the kernel ignored the interrupt after a cell timed out and was killed"
                continue
            except DeadKernelError:
                self.dead_reason = "the kernel died (crash, os._exit or out of memory)"
                run.cells.append(CellRun(index, "dead", self.dead_reason))
                continue
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            if errors:
                err = errors[0]
                run.cells.append(CellRun(index, "error", f"{err.get('ename')}: {err.get('evalue')}"[:500]))
            else:
                run.cells.append(CellRun(index, "ok"))
        return run

    async def _recover(self) -> bool:
        """After an interrupt, check that the kernel answers again; kill it when it does not."""
        try:
            reply = await self.kc.execute("pass", silent=True, store_history=False, reply=True,
                                          timeout=INTERRUPT_GRACE_S)
            return reply["content"]["status"] in ("ok", "error")
        except Exception:  # noqa: BLE001
            await self.km.shutdown_kernel(now=True)
            return False

    # -- bridge requests ---------------------------------------------------------------------------
    def load_agent(self) -> None:
        """Send the agent (wire codec + request handler) into the kernel."""
        source = "\n".join((Path(__file__).with_name(name)).read_text(encoding="utf-8")
                           for name in AGENT_SOURCES)
        code = f"exec(compile({source!r}, '<grader-agent>', 'exec'), {{'__name__': '__grader_agent_module__'}})"
        self.request_raw(code, timeout=30)

    def request(self, payload: str, timeout: float) -> str | None:
        """Send one JSON request to the agent; return its JSON reply (None if it sent none)."""
        return self.request_raw(f"__grader_agent__.handle({payload!r})", timeout)

    def request_raw(self, code: str, timeout: float) -> str | None:
        if self.dead_reason:
            raise KernelDied(self.dead_reason)
        try:
            return self._run(self._execute(code, timeout))
        except KernelTimeout:
            self.timed_out = True
            self.interrupt()
            if not self._run(self._recover()):
                self.dead_reason = "the kernel stopped answering"
            raise

    async def _execute(self, code: str, timeout: float) -> str | None:
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
        reply: str | None = None
        end = time.monotonic() + timeout
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise KernelTimeout(f"no answer within {timeout:g} s")
            try:
                msg = await self.kc.get_iopub_msg(timeout=min(remaining, 1.0))
            except Exception:  # noqa: BLE001 - queue.Empty: check the kernel is still there
                if not await self.km.is_alive():
                    self.dead_reason = "the kernel died (crash, os._exit or out of memory)"
                    raise KernelDied(self.dead_reason) from None
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "display_data" and REPLY_MIME in content.get("data", {}):
                reply = content["data"][REPLY_MIME]
            elif kind == "status" and content.get("execution_state") == "idle":
                return reply


async def _cancel_pending() -> None:
    """Cancel what nbclient left running (output pollers of an abandoned cell) before the loop closes."""
    current = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks() if t is not current]
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)


class _BoundedClient(NotebookClient):
    """nbclient's client with a cap on captured output, so a flood is cut and never held whole."""

    def __init__(self, nb: Any, *, output_limit: int, run: NotebookRun, **kw: Any) -> None:
        super().__init__(nb, **kw)
        self._output_limit = output_limit
        self._run_record = run

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> Any:
        content = msg.get("content", {})
        size = len(content.get("text", "")) + sum(len(str(v)) for v in content.get("data", {}).values())
        record = self._run_record
        record.output_chars += size
        if record.output_chars > self._output_limit:
            if not record.output_truncated:
                record.output_truncated = True
                outs.append({"output_type": "stream", "name": "stderr",
                             "text": "\n[grader: output cut here, over the limit]\n"})
            return None
        return super().output(outs, msg, display_id, cell_index)
