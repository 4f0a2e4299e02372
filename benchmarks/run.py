"""Time argmap against its floor (PyYAML's C compose) and its peer (the Argdown CLI).

Every figure is the median of ``--repeats`` fresh processes, measured in one run on the same
files, so the ratios hold on a noisy machine even where the seconds do not. Opt-in, not part of
the test suite:

    python benchmarks/run.py                          # N = 100, 1,000, 10,000, 100,000
    python benchmarks/run.py --sizes 100,1000 --repeats 5 --with-argdown

``--with-argdown`` installs ``@argdown/cli`` with npm into the cache directory (once).
Child processes keep their bytecode in the cache directory (PYTHONPYCACHEPREFIX), as an
installed argmap would, so start-up is not charged with compiling argmap's sources.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from generate import write_maps  # noqa: E402

DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "argmap-bench"
ARGDOWN_PACKAGE = "@argdown/cli"
COMPOSE_SCRIPT = (
    "import sys, time, yaml\n"
    "t = time.perf_counter()\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "yaml.compose(text, Loader=yaml.CSafeLoader)\n"
    "print(time.perf_counter() - t)\n"
)
# Until `argmap evaluate` exists as a command, time the library call it will make.
EVALUATE_SCRIPT = (
    "import sys\n"
    "from argmap.evaluate import evaluate\n"
    "from argmap.load.loader import load_map\n"
    "evaluate(load_map(sys.argv[1]))\n"
)
# Each rule timed alone, as check_map runs it (cyclic GC paused), in CPU seconds, the fastest
# of five runs (noise only ever adds time); the map's cached views (sides,
# support_successors, ...) are built during the first run and not counted.
RULES_SCRIPT = (
    "import sys, time\n"
    "from argmap.load.gc_pause import cyclic_gc_paused\n"
    "from argmap.load.loader import load_map\n"
    "from argmap.rules import RULES\n"
    "amap = load_map(sys.argv[1])\n"
    "for rule_id, module in RULES.items():\n"
    "    if not hasattr(module, 'check'):\n"
    "        continue\n"
    "    best = float('inf')\n"
    "    for _ in range(5):\n"
    "        with cyclic_gc_paused():\n"
    "            t = time.process_time(); list(module.check(amap, dict(module.OPTIONS)))\n"
    "            best = min(best, time.process_time() - t)\n"
    "    print(rule_id, best)\n"
)


@dataclass
class Run:
    """One measured process: wall seconds, peak resident memory in MB, exit status."""

    seconds: float
    peak_mb: float
    status: int
    stdout: str = ""
    crashed: bool = False  # exited without writing its output (the Argdown CLI at 100,000)


def measure(cmd: Sequence[str], env: dict[str, str], timeout: float, keep_stdout: bool = False
            ) -> Run:
    """Run ``cmd`` once; wall time and the child's own peak RSS (wait4, not the running max)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE if keep_stdout else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    out = ""
    if keep_stdout:
        assert proc.stdout is not None
        out = proc.stdout.read().decode()
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return Run(float("inf"), usage.ru_maxrss / 1024, -9)
        time.sleep(0.002)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, out)


def median_run(cmd: Sequence[str], env: dict[str, str], repeats: int, timeout: float,
               keep_stdout: bool = False) -> Run:
    """The run with the median wall time out of ``repeats``."""
    runs = sorted((measure(cmd, env, timeout, keep_stdout) for _ in range(repeats)),
                  key=lambda r: r.seconds)
    return runs[(len(runs) - 1) // 2]


def child_env(cache: Path) -> dict[str, str]:
    """The environment of measured children: cached bytecode, the repo importable."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def install_argdown(cache: Path) -> Path | None:
    """The argdown executable, installed with npm into the cache when missing."""
    prefix = cache / "argdown"
    binary = prefix / "node_modules" / ".bin" / "argdown"
    if binary.exists():
        return binary
    if shutil.which("npm") is None:
        print("npm not found: skipping the Argdown CLI", file=sys.stderr)
        return None
    prefix.mkdir(parents=True, exist_ok=True)
    print(f"installing {ARGDOWN_PACKAGE} into {prefix} ...", file=sys.stderr)
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(prefix),
                            ARGDOWN_PACKAGE], capture_output=True, text=True)
    if done.returncode != 0 or not binary.exists():
        print(f"npm install failed:\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    return binary


def machine() -> str:
    """nproc, CPU model, Python version, load: the conditions the figures were taken in."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, load average {load}, "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


def fmt_s(seconds: float | None) -> str:
    """Seconds for the table."""
    if seconds is None:
        return "n/a"
    if seconds == float("inf"):
        return "timeout"
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def fmt_run(run: Run | None) -> str:
    """A run as `seconds s / MB`, or why it has no figure."""
    if run is None:
        return "n/a"
    if run.crashed:
        return f"crashed ({run.status}, no output)"
    if run.status not in (0, 1):
        return f"failed ({run.status})" if run.seconds != float("inf") else "timeout"
    return f"{fmt_s(run.seconds)} s / {run.peak_mb:.0f} MB"


class Bench:
    """Runs every measurement and collects the rows of the table and the target verdicts."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.cache: Path = args.cache
        self.env = child_env(self.cache)
        self.argmap = [sys.executable, "-m", "argmap"]
        self.maps = self.cache / "maps"
        self.out = self.cache / "out"
        self.out.mkdir(parents=True, exist_ok=True)
        self.rows: list[list[str]] = []
        self.results: dict[tuple[str, int], Run] = {}
        self.compose: dict[int, float] = {}
        self.rule_times: dict[int, dict[str, float]] = {}
        self.argdown = install_argdown(self.cache) if args.with_argdown else None
        self.has_evaluate = self._has_command("evaluate")
        self.has_evaluate_library = subprocess.run(
            [sys.executable, "-c", "import argmap.evaluate"], env=self.env, cwd=REPO,
            capture_output=True).returncode == 0

    def _has_command(self, name: str) -> bool:
        done = subprocess.run([*self.argmap, name, "--help"], env=self.env, cwd=REPO,
                              capture_output=True)
        return done.returncode == 0

    def size(self, n: int) -> None:
        """Every measurement on the map of ``n`` claims, interleaved round by round.

        Each round runs every command once, so a burst of load on a shared machine slows both
        sides of a ratio alike instead of one side only.
        """
        repeats = self.args.repeats if n < 100_000 else self.args.big_repeats
        yaml_path, argdown_path = write_maps(n, self.maps, self.args.seed)
        print(f"N={n}: {yaml_path.stat().st_size / 1e6:.1f} MB of YAML", file=sys.stderr)
        m, dot_path = str(yaml_path), self.out / f"map-{n}.dot"
        exported = self.out / "argdown" / f"{argdown_path.stem}.json"
        jobs: dict[str, tuple[list[str], int]] = {
            "compose": ([sys.executable, "-c", COMPOSE_SCRIPT, m], repeats),
            "check": ([*self.argmap, "check", m, "--fail-on", "never"], repeats),
            "dot": ([*self.argmap, "render", m, "-f", "dot", "-o", str(dot_path)], repeats),
        }
        if self.has_evaluate:
            jobs["evaluate"] = ([*self.argmap, "evaluate", m], repeats)
        elif self.has_evaluate_library:
            jobs["evaluate"] = ([sys.executable, "-c", EVALUATE_SCRIPT, m], repeats)
        if n in self.args.svg_sizes:
            once = 1 if n >= 10_000 else repeats  # a 10,000-claim layout takes minutes
            jobs["svg"] = ([*self.argmap, "render", m, "-o", str(self.out / f"map-{n}.svg")],
                           once)
            jobs["bare-dot"] = (["dot", "-Tsvg", str(dot_path), "-o",
                                 str(self.out / f"bare-{n}.svg")], once)
        if self.argdown is not None:
            jobs["argdown"] = ([str(self.argdown), "json", str(argdown_path),
                                str(exported.parent)], repeats)
        runs: dict[str, list[Run]] = {name: [] for name in jobs}
        for round_ in range(max(count for _, count in jobs.values())):
            for name, (cmd, count) in jobs.items():
                if round_ >= count:
                    continue
                exported.unlink(missing_ok=True)
                run = measure(cmd, self.env, self.args.timeout, keep_stdout=name == "compose")
                # The Argdown CLI exits 1 both on warnings and on a crash: look for its output.
                run.crashed = name == "argdown" and not exported.exists()
                runs[name].append(run)
        for name, done in runs.items():
            self.results[name, n] = sorted(done, key=lambda r: r.seconds)[(len(done) - 1) // 2]
        self.compose[n] = statistics.median(float(r.stdout) for r in runs["compose"])
        self.rows.append([
            f"{n:,}", f"{yaml_path.stat().st_size / 1e6:.1f}", fmt_s(self.compose[n]),
            fmt_run(self.results["check", n]), fmt_run(self.results.get(("evaluate", n))),
            fmt_run(self.results["dot", n]), fmt_run(self.results.get(("svg", n))),
            fmt_run(self.results.get(("bare-dot", n))), fmt_run(self.results.get(("argdown", n))),
        ])

    def rules(self, n: int) -> None:
        """Each rule's CPU time on the map of ``n`` claims, in a process of its own."""
        yaml_path, _ = write_maps(n, self.maps, self.args.seed)
        print(f"N={n}: timing each rule", file=sys.stderr)
        # The fastest of several processes: a burst of load from elsewhere lands on one of
        # them, and one slow figure at one size is enough to bend a fitted exponent.
        best: dict[str, float] = {}
        for _ in range(self.args.rule_repeats):
            per_rule = measure([sys.executable, "-c", RULES_SCRIPT, str(yaml_path)], self.env,
                               self.args.timeout, keep_stdout=True)
            for line in per_rule.stdout.splitlines():
                rule, seconds = line.split()
                best[rule] = min(best.get(rule, math.inf), float(seconds))
        self.rule_times[n] = best

    def rule_growth(self) -> dict[str, tuple[float, float]] | None:
        """Per rule: its time ratio between the largest and the smallest rule size, and its
        growth exponent k (time ~ N^k), fitted by least squares in log-log over every size but
        the smallest (all of them when there are only two); None below two sizes."""
        sizes = sorted(self.rule_times)
        if len(sizes) < 2:
            return None
        fitted = sizes[1:] if len(sizes) > 2 else sizes
        growth = {}
        for rule, small in self.rule_times[sizes[0]].items():
            times = [self.rule_times[n][rule] for n in fitted]
            big = self.rule_times[sizes[-1]][rule]
            exponent = (_slope([math.log(n) for n in fitted], [math.log(t) for t in times])
                        if min(times) > 0 else 0.0)
            growth[rule] = (big / small if small > 0 else math.inf, exponent)
        return growth

    def seconds(self, what: str, n: int) -> float | None:
        """A successful run's median seconds, or None."""
        run = self.results.get((what, n))
        if run is None or run.status not in (0, 1) or run.crashed:
            return None
        return run.seconds

    def targets(self, version: float) -> list[tuple[str, str, str, bool | None]]:
        """(target, limit, measured, verdict) rows; verdict None when not measured."""
        rows: list[tuple[str, str, str, bool | None]] = []

        def ratio(name: str, limit: float, num: float | None, den: float | None,
                  at_most: bool = True) -> None:
            if num is None or den is None or den == 0:
                rows.append((name, f"{'<=' if at_most else '>='} {limit}x", "n/a", None))
                return
            value = num / den
            ok = value <= limit if at_most else value >= limit
            rows.append((name, f"{'<=' if at_most else '>='} {limit}x", f"{value:.2f}x", ok))

        rows.append(("argmap --version", "<= 0.15 s", f"{version:.3f} s", version <= 0.15))
        ratio("check 10k / C compose 10k", 1.5, self.seconds("check", 10_000),
              self.compose.get(10_000))
        ratio("argdown json 10k / check 10k", 3, self.seconds("argdown", 10_000),
              self.seconds("check", 10_000), at_most=False)
        check_100k = self.results.get(("check", 100_000))
        if check_100k is not None and check_100k.status in (0, 1):
            rows.append(("check 100k time", "<= 10 s", f"{check_100k.seconds:.1f} s",
                         check_100k.seconds <= 10))
            rows.append(("check 100k peak memory", "<= 1536 MB", f"{check_100k.peak_mb:.0f} MB",
                         check_100k.peak_mb <= 1536))
        else:
            rows.append(("check 100k time and memory", "<= 10 s, 1.5 GB", "n/a", None))
        ratio("check 100k / check 10k", 12, self.seconds("check", 100_000),
              self.seconds("check", 10_000))
        growth = self.rule_growth()
        if growth is not None:
            # A quadratic rule has k = 2 (100x from 10k to 100k); a linear one k = 1. k is fitted
            # above the smallest size: at 10,000 claims a rule's working set still fits the CPU
            # caches, and the step out of them (somewhere between 25k and 50k here) makes every
            # ratio from 10k look worse than linear (see docs/performance.md).
            worst = max(growth, key=lambda rule: growth[rule][1])
            rows.append(("no quadratic rule (worst growth exponent k, time ~ N^k)", "< 1.5",
                         f"{growth[worst][1]:.2f} ({worst})", growth[worst][1] < 1.5))
        else:
            rows.append(("no quadratic rule", "k < 1.5", "n/a", None))
        ratio("render SVG 1k / bare dot 1k", 1.3, self.seconds("svg", 1_000),
              self.seconds("bare-dot", 1_000))
        svg_10k = self.results.get(("svg", 10_000))
        if svg_10k is None:
            rows.append(("render SVG 10k", "<= 60 s", "n/a", None))
        elif svg_10k.status != 0:  # no SVG at all: the layout ran out of time
            rows.append(("render SVG 10k", "<= 60 s", fmt_run(svg_10k), False))
        else:
            rows.append(("render SVG 10k", "<= 60 s", f"{fmt_s(svg_10k.seconds)} s",
                         svg_10k.seconds <= 60))
        return rows


def _slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The least-squares slope of ys over xs."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
            / sum((x - mean_x) ** 2 for x in xs))


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000",
                        help="comma-separated numbers of claims")
    parser.add_argument("--svg-sizes", default="1000,10000",
                        help="sizes also rendered to SVG (only those in --sizes)")
    parser.add_argument("--rule-sizes", default="10000,50000,100000,140000",
                        help="sizes at which each rule is timed alone ('' for none)")
    parser.add_argument("--rule-repeats", type=int, default=3,
                        help="processes per rule size (each rule's fastest counts)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--big-repeats", type=int, default=1,
                        help="runs per figure from 100,000 claims up (each takes minutes)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per process")
    parser.add_argument("--with-argdown", action="store_true",
                        help=f"install {ARGDOWN_PACKAGE} with npm (once) and time `argdown json`")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help="maps, outputs, bytecode and the Argdown install go here")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    args.svg_sizes = {int(s) for s in args.svg_sizes.split(",") if s}
    args.rule_sizes = [int(s) for s in args.rule_sizes.split(",") if s]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table and the targets; exit 0 whether or not targets pass."""
    args = parse_args(argv)
    bench = Bench(args)
    # Warm-up: the first run compiles argmap's bytecode into the cache.
    measure([*bench.argmap, "--version"], bench.env, args.timeout)
    measure([*bench.argmap, "rules"], bench.env, args.timeout)
    version = median_run([*bench.argmap, "--version"], bench.env, max(5, args.repeats),
                         args.timeout).seconds
    bare = median_run([sys.executable, "-c", "pass"], bench.env, max(5, args.repeats),
                      args.timeout).seconds
    for n in args.sizes:
        bench.size(n)
    for n in args.rule_sizes:
        bench.rules(n)
    print(f"Machine: {machine()}")
    print(f"Median of {args.repeats} runs ({args.big_repeats} from 100,000 claims up); wall "
          f"seconds / peak RSS. `argmap --version`: {version:.3f} s; `python3 -c pass`: "
          f"{bare:.3f} s.\n")
    print(markdown_table(
        ["claims", "YAML MB", "C compose s", "check", "evaluate", "render dot", "render svg",
         "bare dot -Tsvg", "argdown json"], bench.rows))
    if not bench.has_evaluate:
        print("\n`argmap evaluate` is not a command in this tree: " + (
            "its column times the library call (load_map + evaluate, grounded) in a fresh "
            "process." if bench.has_evaluate_library else "not measured."))
    print()
    rows = [(name, limit, measured, "n/a" if ok is None else ("PASS" if ok else "FAIL"))
            for name, limit, measured, ok in bench.targets(version)]
    print(markdown_table(["target", "limit", "measured", "verdict"], rows))
    if bench.rule_times:
        print()
        sizes = sorted(bench.rule_times)
        growth = bench.rule_growth() or {}
        fitted = sizes[1:] if len(sizes) > 2 else sizes
        extra = ([f"{sizes[-1]:,} / {sizes[0]:,}", f"k ({fitted[0]:,} to {sizes[-1]:,})"]
                 if growth else [])
        print(markdown_table(
            ["rule", *(f"{n:,} claims, CPU s" for n in sizes), *extra],
            [[rule, *(f"{bench.rule_times[n][rule]:.4f}" for n in sizes),
              *([f"{growth[rule][0]:.1f}x", f"{growth[rule][1]:.2f}"] if growth else [])]
             for rule in bench.rule_times[sizes[0]]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
