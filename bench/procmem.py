"""Run a command and sample the memory of its whole process tree: what the benchmarks report as peak memory."""

from __future__ import annotations

import os
import subprocess
import threading
import time


def tree_pss(pid: int) -> int:
    """Memory of a process and all its descendants, in bytes: the proportional set size,
    so pages that forked workers share with their parent are counted once."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_sampled(args: list[str], every: float = 0.1, capture: bool = False) -> tuple[float, int, str]:
    """(wall seconds, peak tree memory in bytes, stdout if captured) of running ``args``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=None if capture else subprocess.DEVNULL, text=True)
    peak = 0

    def sample() -> None:
        # Reading a process tree's proportional set size walks its page tables: every 0.2 s over a
        # 100k-document build (three processes of 5-9 GB) took a quarter of a core from the build
        # it measured.  So the pause grows with the time it took, up to a tenth of that time.
        nonlocal peak
        while proc.poll() is None:
            t = time.perf_counter()
            peak = max(peak, tree_pss(proc.pid))
            time.sleep(max(every, 10 * (time.perf_counter() - t)))

    thread = threading.Thread(target=sample)
    thread.start()
    out, _ = proc.communicate()
    thread.join()
    return time.perf_counter() - t0, peak, out or ""
