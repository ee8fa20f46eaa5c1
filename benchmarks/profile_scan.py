"""Where a ``checkov`` scan with the pack spends its time: cProfile over one in-process run on the benchmark corpus.

    python benchmarks/profile_scan.py                       # N = 2000, the pack alone
    python benchmarks/profile_scan.py --size 2000 --variant floor --save scan.prof

The run goes through ``checkov.main.Checkov`` with the same arguments as ``scan_benchmark.py`` (and so the same
logging set-up as the ``checkov`` command: every debug record is formatted into an in-memory buffer). It prints
the cumulative time of the phases that matter, and the top functions by cumulative time. cProfile sees the main
thread only: Checkov runs connection rules in worker threads, so their own time is measured apart, with a timer
around ``AisecGraphCheck.run``. Times under the profiler are inflated (about 1.5 to 2 times for Python-heavy
code); compare them with each other, not with wall times.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scan_benchmark import checkov_command, write_corpus

# (label, the end of the function's file path, its name or names separated by "|")
PHASES = [
    ("whole run", "checkov/main.py", "run"),
    ("parse + graph (Checkov)", "checkov/terraform/graph_manager.py", "build_graph_from_source_directory"),
    ("load the pack (catalog, registration)", "checkov/terraform/base_runner.py", "load_external_checks"),
    ("resource checks, all", "checkov/terraform/runner.py", "check_tf_definition"),
    ("  Checkov: should_run_check", "checkov/runner_filter.py", "should_run_check"),
    ("  Checkov: BaseCheck.run (debug record)", "checkov/common/checks/base_check.py", "run"),
    ("  pack: check run()", "policies/checkov_adapter.py", "run"),
    ("  pack: normalize + gates per resource", "policies/checkov_adapter.py", "_resource_subject"),
    ("  pack: normalize_conf", "policies/checkov_adapter.py", "normalize_conf"),
    ("  pack: gates (checkov_gates.instance)", "policies/checkov_gates.py", "instance"),
    ("  pack: gates' HCL parsing", "policies/checkov_gates.py", "_parse|_read_blocks"),
    ("  pack: rule logic", "policies/catalog.py", "evaluate"),
    ("  Checkov: records (secret masking)", "checkov/common/util/secrets.py", "omit_secret_value_from_checks"),
    ("connection checks, main thread", "checkov/terraform/base_runner.py", "get_graph_checks_report"),
    ("report output (JSON)", "checkov/common/runners/runner_registry.py", "print_reports"),
    ("logging records, all", "logging/__init__.py", "_log"),
]


def _phase_times(stats: pstats.Stats) -> dict[str, tuple[int, float]]:
    """Cumulative seconds and calls per phase (the largest matching function: nested calls are not summed)."""
    found: dict[str, tuple[int, float]] = {}
    raw = stats.stats  # type: ignore[attr-defined]
    for label, file_suffix, name in PHASES:
        best = (0, 0.0)
        for (file, _line, function), (_, calls, _, cumulative, _) in raw.items():
            if function in name.split("|") and file.endswith(file_suffix) and cumulative > best[1]:
                best = (calls, cumulative)
        found[label] = best
    return found


def _time_connection_rules() -> tuple[list[float], threading.Lock]:
    """Wrap ``AisecGraphCheck.run`` with a timer (Checkov runs it in worker threads)."""
    from policies import checkov_adapter

    spent: list[float] = []
    lock = threading.Lock()
    original = checkov_adapter.AisecGraphCheck.run

    def timed(self: checkov_adapter.AisecGraphCheck, graph_connector: object) -> object:
        started = time.perf_counter()
        try:
            return original(self, graph_connector)
        finally:
            with lock:
                spent.append(time.perf_counter() - started)

    checkov_adapter.AisecGraphCheck.run = timed  # type: ignore[method-assign]
    return spent, lock


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--variant", default="pack", choices=["floor", "builtin", "both", "pack"])
    parser.add_argument("--top", type=int, default=25, help="functions listed by cumulative time")
    parser.add_argument("--save", type=Path, help="also write the raw profile here (for pstats or snakeviz)")
    options = parser.parse_args()

    from checkov.main import Checkov

    spent, _ = _time_connection_rules()
    with tempfile.TemporaryDirectory(prefix="aisec-profile-") as scratch:
        corpus = Path(scratch)
        count = write_corpus(corpus, options.size)
        argv = checkov_command(corpus, options.variant)[1:]
        profile = cProfile.Profile()
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            profile.enable()
            try:
                Checkov(argv=argv).run()
            finally:
                profile.disable()
        wall = time.perf_counter() - started
    if options.save:
        profile.dump_stats(str(options.save))
    stats = pstats.Stats(profile)
    print(f"{options.variant}, N = {count}: {wall:.2f} s under cProfile")
    for label, (calls, cumulative) in _phase_times(stats).items():
        print(f"  {label:<42} {cumulative:7.2f} s {calls:>9} calls")
    print(f"  {'connection rules, worker threads':<42} {sum(spent):7.2f} s {len(spent):>9} calls")
    print()
    stats.sort_stats("cumulative").print_stats(options.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
