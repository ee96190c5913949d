"""What a sandboxed kernel can and cannot reach, asked from inside it with probes."""
from __future__ import annotations

import socket
import tempfile
from pathlib import Path

import pytest

from grader.bridge import Submission
from grader.kernel import KernelSession
from grader.sandbox import Launcher, Limits, bwrap_works, kernel_env, limit_prefix, resolve_level

from conftest import ROOT

PROBE = '''
import os, socket, pathlib
def probe(sub, suite, port):
    out = {}
    try:
        out["suite"] = open(suite).read()[:20]
    except OSError as exc:
        out["suite"] = type(exc).__name__
    out["bank_listing"] = sorted(os.listdir(pathlib.Path(suite).parents[2])) if pathlib.Path(suite).parents[2].exists() else []
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        out["loopback"] = "connected"
    except OSError as exc:
        out["loopback"] = type(exc).__name__
    pathlib.Path("/tmp/sandbox-probe-mark").write_text("x")
    out["cwd_writable"] = pathlib.Path("here.txt").write_text("ok") == 2
    out["pid"] = os.getpid()
    out["env_keys"] = sorted(os.environ)
    return out
'''


@pytest.fixture(scope="module")
def sandboxed():
    if bwrap_works():
        pytest.fail(f"bwrap is needed for these tests: {bwrap_works()}")
    scratch = Path(tempfile.mkdtemp(prefix="sandbox-test-"))
    launcher = Launcher("bwrap", Limits(), scratch, ROOT)
    with KernelSession(scratch, kernel_env(scratch, "cpu"), launcher.wrap) as kernel:
        kernel.start()
        kernel.load_agent()
        yield Submission(kernel, call_timeout=30)


def test_kernel_sees_no_answer_key_no_network_and_writes_only_scratch(sandboxed, monkeypatch):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    monkeypatch.setenv("GITHUB_TOKEN", "secret")
    try:
        seen = sandboxed.probe(PROBE, str(ROOT / "solutions" / "q07" / "test_q07.py"), server.getsockname()[1])
    finally:
        server.close()
    assert seen["suite"] in ("FileNotFoundError", "PermissionError"), "the kernel read a hidden suite"
    assert seen["bank_listing"] == [], "the kernel can list the bank"
    assert seen["loopback"] != "connected"
    assert not Path("/tmp/sandbox-probe-mark").exists(), "a write to /tmp reached the host"
    assert seen["cwd_writable"] is True
    assert seen["pid"] < 10, "the kernel should run in its own PID namespace"
    assert not {"GITHUB_TOKEN", "GITHUB_STEP_SUMMARY"} & set(seen["env_keys"])


def test_required_refuses_without_bwrap(monkeypatch):
    import grader.sandbox as sandbox

    monkeypatch.setattr(sandbox, "bwrap_works", lambda: "bwrap is not installed")
    with pytest.raises(sandbox.SandboxUnavailable, match="not installed"):
        resolve_level("required")
    assert resolve_level("auto") == "limits" and resolve_level("off") == "limits"


def test_limits_apply_at_every_level():
    argv = Launcher("limits", Limits(memory_mb=512, cpu_s=7), Path("/tmp/x"), ROOT).wrap(["python"])
    assert argv[: len(limit_prefix(Limits()))][0] == "prlimit"
    assert f"--as={512 * 1024 * 1024}" in argv and "--cpu=7" in argv and argv[-1] == "python"
