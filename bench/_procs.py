"""What the benchmarks measure of their child processes: peak RSS, CPU taken by others.

Starting and stopping them is the tests' (`tests._support.processes`), re-exported here.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from tests._support.processes import free_port, running, stop_group, wait_for_port

__all__ = [
    "ForeignCpu",
    "PeakRss",
    "free_port",
    "process_tree",
    "running",
    "stop_group",
    "tree_rss_bytes",
    "wait_for_port",
]


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants, from the parent links in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields start after the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def tree_rss_bytes(root: int) -> int:
    """Resident set size of ``root`` and its descendants, summed (VmRSS of each)."""
    total = 0
    for pid in process_tree(root):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue  # exited between the scan and the read
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


class PeakRss:
    """Samples the RSS of a process tree in a thread while the block runs; keeps the peak."""

    def __init__(self, root: int, interval_s: float = 0.2) -> None:
        self.root = root
        self.interval_s = interval_s
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            self.peak_bytes = max(self.peak_bytes, tree_rss_bytes(self.root))
            if self._stop.wait(self.interval_s):
                return

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, tree_rss_bytes(self.root))


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _busy_jiffies() -> int:
    """CPU time all processors spent busy since boot (/proc/stat, first line)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return user + nice + system + irq + softirq + steal


def _own_jiffies() -> int:
    """CPU time of this process, its reaped children and its live descendants."""
    total = 0
    for pid in process_tree(os.getpid()):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime, stime, cutime, cstime: fields 14-17 of stat(5), 11-14 after the command name
        total += sum(int(x) for x in stat[11:15])
    return total


class ForeignCpu:
    """Share of the machine's CPU used by processes outside this run while the block runs.

    The benchmark loads the machine itself (wrk and the server), so the load average says
    little; what disturbs a measurement is CPU taken by everybody else.
    """

    def __init__(self) -> None:
        self.percent = 0.0
        self._start = (0.0, 0, 0)

    def __enter__(self) -> ForeignCpu:
        self._start = (time.monotonic(), _busy_jiffies(), _own_jiffies())
        return self

    def __exit__(self, *exc: object) -> None:
        started, busy, own = self._start
        elapsed = time.monotonic() - started
        foreign = (_busy_jiffies() - busy) - (_own_jiffies() - own)
        capacity = elapsed * _CLOCK_TICKS * (os.cpu_count() or 1)
        self.percent = round(max(0.0, 100.0 * foreign / capacity), 1) if capacity else 0.0
