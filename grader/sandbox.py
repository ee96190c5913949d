"""How a learner's kernel is confined: bubblewrap (no network, own PID namespace, read-only system,
one writable scratch folder, no view of the bank) plus resource limits, or limits alone.

Levels: `required` refuses to grade without bwrap, `auto` (default) uses it when it works and says
once when it does not, `off` applies resource limits only.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEVELS = ("auto", "required", "off")


class SandboxUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class Limits:
    """Resource limits of one learner kernel (each has a CLI flag)."""

    memory_mb: int = 4096
    cpu_s: int = 600
    processes: int = 4096  # per user, threads included (not enforced for root)
    file_size_mb: int = 256
    output_chars: int = 1_000_000


@lru_cache(maxsize=1)
def bwrap_works() -> str:
    """'' when bwrap can start a confined process here, else the reason it cannot."""
    exe = shutil.which("bwrap")
    if not exe:
        return "bwrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    probe = subprocess.run([exe, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                            "--unshare-all", "--die-with-parent", "true"],
                           capture_output=True, text=True, timeout=30)
    return "" if probe.returncode == 0 else f"bwrap cannot create namespaces here: {probe.stderr.strip()[:200]}"


def resolve_level(level: str) -> str:
    """'bwrap' or 'limits'; raises SandboxUnavailable for `required` without a working bwrap."""
    if level == "off":
        return "limits"
    reason = bwrap_works()
    if not reason:
        return "bwrap"
    if level == "required":
        raise SandboxUnavailable(f"--sandbox required, but {reason}")
    return "limits"


def limit_prefix(limits: Limits) -> list[str]:
    """`prlimit` arguments that cap memory, CPU time, processes and file size of the kernel."""
    mb = 1024 * 1024
    return ["prlimit", f"--as={limits.memory_mb * mb}", f"--cpu={limits.cpu_s}",
            f"--nproc={limits.processes}", f"--fsize={limits.file_size_mb * mb}", "--core=0", "--"]


def python_roots() -> list[Path]:
    """Folders the kernel's Python needs to see (interpreter, standard library, site-packages)."""
    roots = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), Path(sys.executable).resolve().parent}
    return sorted(roots)


def hidden_paths(bank_root: Path) -> list[Path]:
    """What the kernel must not see: the bank (answer key, grader, tests) and the user's home."""
    home = Path(os.path.expanduser("~")).resolve()
    return [p for p in (bank_root.resolve(), home) if p != Path("/")]


def bwrap_prefix(scratch: Path, hide: list[Path], gpu: bool) -> list[str]:
    """Confinement: own namespaces (no network, own PIDs), read-only system, empty /tmp and home,
    the bank hidden, Python re-exposed read-only if it lives in a hidden folder, scratch writable."""
    args = ["bwrap", "--die-with-parent", "--unshare-all", "--ro-bind", "/", "/", "--dev", "/dev",
            "--proc", "/proc", "--tmpfs", "/tmp", "--tmpfs", "/run", "--tmpfs", "/var/tmp"]
    for path in hide:
        if path.is_dir():
            args += ["--tmpfs", str(path)]
    for root in python_roots():
        if any(root == h or h in root.parents for h in hide) or str(root).startswith("/tmp/"):
            args += ["--ro-bind", str(root), str(root)]
    if gpu:
        args += [a for dev in sorted(Path("/dev").glob("nvidia*")) for a in ("--dev-bind", str(dev), str(dev))]
    args += ["--bind", str(scratch), str(scratch), "--chdir", str(scratch), "--"]
    # ipykernel exits when its parent PID is not the one in JPY_PARENT_PID, which the PID namespace
    # hides; --die-with-parent ties the kernel's life to the grader instead.
    return args + ["env", "-u", "JPY_PARENT_PID"]


@dataclass(frozen=True)
class Launcher:
    """Builds the kernel's command line for one grade."""

    level: str  # 'bwrap' or 'limits'
    limits: Limits
    scratch: Path
    bank_root: Path
    gpu: bool = False

    def wrap(self, argv: list[str]) -> list[str]:
        prefix = limit_prefix(self.limits)
        if self.level == "bwrap":
            prefix = bwrap_prefix(self.scratch, hidden_paths(self.bank_root), self.gpu) + prefix
        return prefix + argv


def kernel_env(scratch: Path, device: str) -> dict[str, str]:
    """A small, clean environment: nothing of the grader's (tokens, CI secrets) reaches the kernel."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(scratch), "TMPDIR": str(scratch),
           "LANG": "C.UTF-8", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": "Agg",
           "TF_CPP_MIN_LOG_LEVEL": "2", "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "2"),
           "JUPYTER_PLATFORM_DIRS": "1", "IPYTHONDIR": str(scratch / ".ipython")}
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""
    return env
