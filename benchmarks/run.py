"""Time argmap's commands as users type them, against PyYAML's C compose and the Argdown CLI.

Every figure is the median of ``--repeats`` fresh processes, measured in one run on the same
files, so the ratios hold on a noisy machine even where the seconds do not. Opt-in, not part of
the test suite (which runs ``--quick``):

    python benchmarks/run.py                          # N = 100, 1,000, 10,000, 100,000
    python benchmarks/run.py --sizes 1000,10000 --with-argdown
    python benchmarks/run.py --quick                  # N = 100, one run each: a smoke test

``argmap`` is the console script installed beside the Python running this file; commands are
typed in a directory outside any project and in a project whose pyproject.toml configures argmap.
``--with-argdown`` installs ``@argdown/cli`` with npm into the cache directory (once).
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
from generate import write_maps  # noqa: E402

from argmap.config import find_config  # noqa: E402

DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "argmap-bench"
ARGDOWN_PACKAGE = "@argdown/cli"
PYTHON = Path(sys.executable).name
PAPER_MAP = "arguments/indonesia-korea/paper.yaml"
IMPORT_YARDSTICK = "import yaml, typer"
# Runs one command and writes its wall time, exit status and peak RSS (KB) to argv[1]. The
# command is forked from this small process rather than from the benchmark: Linux carries the
# spawning process's memory into a vforked child's ru_maxrss, which would put the benchmark's
# own footprint under every figure.
LAUNCH_SCRIPT = (
    "import os, sys, time\n"
    "report, argv = sys.argv[1], sys.argv[2:]\n"
    "start = time.perf_counter()\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    try:\n"
    "        os.execvp(argv[0], argv)\n"
    "    finally:\n"
    "        os._exit(127)\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "seconds = time.perf_counter() - start\n"
    "with open(report, 'w', encoding='utf-8') as out:\n"
    "    out.write(f'{seconds} {os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}')\n"
)
COMPOSE_SCRIPT = (
    "import sys, time, yaml\n"
    "t = time.perf_counter()\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "yaml.compose(text, Loader=yaml.CSafeLoader)\n"
    "print(time.perf_counter() - t)\n"
)
# Each rule timed alone, as check_map runs it (cyclic GC paused), in CPU seconds, the fastest
# of five runs (noise only ever adds time); the map's cached views are built during the first
# run and not counted. A library measure: it says how each rule grows, not what users wait.
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
SCRIPT_NAMES = {COMPOSE_SCRIPT: "COMPOSE_SCRIPT", RULES_SCRIPT: "RULES_SCRIPT"}
# The project the "in project" checks run in: the kind of settings a team keeps, so finding
# and reading the configuration is part of the time, as it is for users.
PROJECT_PYPROJECT = """\
[project]
name = "transport-review"
version = "0.1.0"

[tool.argmap]
fail-on = "warning"

[tool.argmap.rules.orphan-claim]
severity = "info"

[tool.argmap.rules.unsupported-claim]
severity = "warning"
"""
# The `check` command lines timed at every size: name -> (options after the map, where typed).
CHECKS: dict[str, tuple[tuple[str, ...], str]] = {
    "check": ((), "outside"),
    "check --format json": (("--format", "json"), "outside"),
    "check, in project": ((), "project"),
    "check --format json, in project": (("--format", "json"), "project"),
}


@dataclass
class Run:
    """One measured process: wall seconds, peak resident memory in MB, exit status, output."""

    seconds: float
    peak_mb: float
    status: int
    stdout: str = ""
    stderr: str = ""
    crashed: bool = False  # exited without writing its output (the Argdown CLI at 100,000)

    @property
    def ok(self) -> bool:
        """It ran to the end: exit 0, or 1 (findings at the failing level, for `check`)."""
        return self.status in (0, 1) and not self.crashed and math.isfinite(self.seconds)


@dataclass(frozen=True)
class Job:
    """One command line as a user types it, the directory it is typed in, and its runs."""

    name: str
    argv: tuple[str, ...]
    cwd: Path
    repeats: int

    def typed(self) -> str:
        """The command line as shown in the report: programs by name, not by path, and an
        inline script by the name of its constant here."""
        shown = [SCRIPT_NAMES.get(arg, arg) for arg in self.argv[1:]]
        return " ".join([Path(self.argv[0]).name, *(a if a in SCRIPT_NAMES.values()
                                                     else shlex.quote(a) for a in shown)])


def _drain(stream: IO[bytes], into: list[bytes]) -> None:
    into.append(stream.read())


def measure(argv: Sequence[str], cwd: Path, env: dict[str, str], timeout: float,
            report: Path) -> Run:
    """Run ``argv`` once in ``cwd`` with its output piped: its wall time, exit status and own
    peak RSS, as the launcher reports them in ``report``."""
    report.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCH_SCRIPT, str(report),
                             *argv], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    assert proc.stdout is not None and proc.stderr is not None
    out: list[bytes] = []
    err: list[bytes] = []
    # Pipes are drained while the command runs, as a pager or CI log would, so it never blocks.
    readers = [threading.Thread(target=_drain, args=(proc.stdout, out)),
               threading.Thread(target=_drain, args=(proc.stderr, err))]
    for reader in readers:
        reader.start()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the launcher and the command under it
        proc.wait()
    for reader in readers:
        reader.join()
    proc.stdout.close()
    proc.stderr.close()
    stdout, stderr = (b"".join(part).decode(errors="replace") for part in (out, err))
    if not report.exists():
        return Run(math.inf, 0.0, -9, stdout, stderr)
    seconds, status, peak_kb = report.read_text(encoding="utf-8").split()
    return Run(float(seconds), int(peak_kb) / 1024, int(status), stdout, stderr)


def median(runs: Sequence[Run]) -> Run:
    """The run with the median wall time."""
    return sorted(runs, key=lambda r: r.seconds)[(len(runs) - 1) // 2]


def child_env(cache: Path) -> dict[str, str]:
    """The environment of measured children: this Python's scripts first on PATH, this tree
    importable, bytecode cached outside the tree, no GitHub Actions detection."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Under GitHub Actions `check` would print annotations; the figures are for plain lines.
    env.pop("GITHUB_ACTIONS", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PATH"] = os.pathsep.join(filter(None, [str(Path(sys.executable).parent),
                                                env.get("PATH")]))
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
    if seconds == math.inf:
        return "timeout"
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def fmt_run(run: Run | None) -> str:
    """A run as `seconds s / MB` (and its exit status when not 0), or why it has no figure."""
    if run is None:
        return "n/a"
    if run.crashed:
        return f"crashed (exit {run.status}, no output)"
    if run.seconds == math.inf:
        return "timeout"
    if not run.ok:
        return f"failed (exit {run.status})"
    status = ", exit 1" if run.status == 1 else ""
    return f"{fmt_s(run.seconds)} s / {run.peak_mb:.0f} MB{status}"


@dataclass
class Results:
    """Everything one run measured: medians by (name, claims), compose seconds by claims,
    start-up medians by name, and each rule's CPU seconds by claims."""

    runs: dict[tuple[str, int], Run] = field(default_factory=dict)
    compose: dict[int, float] = field(default_factory=dict)
    startup: dict[str, Run] = field(default_factory=dict)
    rule_times: dict[int, dict[str, float]] = field(default_factory=dict)

    def seconds(self, name: str, n: int) -> float | None:
        """A finished run's median seconds, or None."""
        run = self.runs.get((name, n))
        return run.seconds if run is not None and run.ok else None

    def slowest_check(self, n: int) -> tuple[str, Run] | None:
        """The slowest of the `check` command lines timed at ``n`` claims (a failed one
        counts as the slowest), or None when none was timed."""
        runs = [(name, self.runs[name, n]) for name in CHECKS if (name, n) in self.runs]
        if not runs:
            return None
        return max(runs, key=lambda item: (not item[1].ok, item[1].seconds))

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


Target = tuple[str, str, str, bool | None]  # name, limit, measured, verdict (None: not measured)


def _ratio(name: str, limit: float, num: float | None, den: float | None, at_most: bool = True,
           which: str = "") -> Target:
    bound = f"{'<=' if at_most else '>='} {limit:g}x"
    if num is None or den is None or den <= 0:
        return (name, bound, "n/a", None)
    value = num / den
    suffix = f" ({which})" if which else ""
    return (name, bound, f"{value:.2f}x{suffix}", value <= limit if at_most else value >= limit)


def _failed(name: str, bound: str, which: str, run: Run) -> Target:
    return (name, bound, f"{fmt_run(run)}: {which}", False)


def targets(res: Results) -> list[Target]:
    """The targets, each judged on the slowest `check` command line where several are timed;
    a command that failed fails its target, a yardstick that did not run leaves it n/a."""
    rows: list[Target] = []
    slowest = res.slowest_check(10_000)
    if slowest is not None and not slowest[1].ok:
        rows.append(_failed("check 10k / C compose 10k", "<= 1x", *slowest))
        rows.append(_failed("argdown json 10k / check 10k", ">= 3x", *slowest))
    else:
        which, check_10k = (slowest[0], slowest[1].seconds) if slowest else ("", None)
        rows.append(_ratio("check 10k / C compose 10k", 1.0, check_10k, res.compose.get(10_000),
                           which=which))
        rows.append(_ratio("argdown json 10k / check 10k", 3, res.seconds("argdown", 10_000),
                           check_10k, at_most=False, which=which))
    slowest_100k = res.slowest_check(100_000)
    growth = [(name, num / den) for name in CHECKS
              if (num := res.seconds(name, 100_000)) is not None
              and (den := res.seconds(name, 10_000))]
    failed = [pair for pair in (slowest, slowest_100k) if pair is not None and not pair[1].ok]
    if failed:
        rows.append(_failed("check 100k / check 10k", "<= 12x", *failed[0]))
    elif len(growth) == len(CHECKS):
        name, value = max(growth, key=lambda item: item[1])
        rows.append(_ratio("check 100k / check 10k", 12, value, 1.0, which=name))
    else:
        rows.append(("check 100k / check 10k", "<= 12x", "n/a", None))
    version = res.startup.get("argmap --version")
    if version is None:
        rows.append(("argmap --version", "<= 0.15 s", "n/a", None))
    elif not version.ok:
        rows.append(_failed("argmap --version", "<= 0.15 s", "argmap --version", version))
    else:
        rows.append(("argmap --version", "<= 0.15 s", f"{version.seconds:.3f} s",
                     version.seconds <= 0.15))
    paper, imports = res.startup.get("check paper"), res.startup.get("import yaml, typer")
    paper_target = f"check {Path(PAPER_MAP).name} / python -c '{IMPORT_YARDSTICK}'"
    if paper is not None and not paper.ok:
        rows.append(_failed(paper_target, "<= 2.5x", "check paper", paper))
    else:
        rows.append(_ratio(paper_target, 2.5, paper.seconds if paper else None,
                           imports.seconds if imports and imports.ok else None))
    if slowest_100k is not None and slowest_100k[1].ok:
        name, run = max(((name, res.runs[name, 100_000]) for name in CHECKS
                         if (name, 100_000) in res.runs), key=lambda item: item[1].peak_mb)
        rows.append(("check 100k peak memory", "<= 1536 MB", f"{run.peak_mb:.0f} MB ({name})",
                     run.peak_mb <= 1536))
    else:
        rows.append(("check 100k peak memory", "<= 1536 MB", "n/a", None))
    rule_growth = res.rule_growth()
    if rule_growth is not None:
        # A quadratic rule has k = 2 (100x from 10k to 100k); a linear one k = 1. k is fitted
        # above the smallest size: at 10,000 claims a rule's working set still fits the CPU
        # caches, and the step out of them makes every ratio from 10k look worse than linear.
        rule = max(rule_growth, key=lambda r: rule_growth[r][1])
        k = rule_growth[rule][1]
        rows.append(("no quadratic rule (worst k, time ~ N^k)", "< 1.5", f"{k:.2f} ({rule})",
                     k < 1.5))
    else:
        rows.append(("no quadratic rule (worst k, time ~ N^k)", "< 1.5", "n/a", None))
    rows.append(_ratio("render SVG 1k / bare dot 1k", 1.3, res.seconds("render svg", 1_000),
                       res.seconds("bare dot", 1_000)))
    svg_10k = res.runs.get(("render svg", 10_000))
    if svg_10k is None:
        rows.append(("render SVG 10k", "<= 60 s", "n/a", None))
    else:
        rows.append(("render SVG 10k", "<= 60 s", fmt_run(svg_10k),
                     svg_10k.ok and svg_10k.seconds <= 60))
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


class Bench:
    """Runs every measurement into a `Results`, keeping the command lines it typed."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        cache: Path = args.cache.resolve()
        self.env = child_env(cache)
        self.outside = cache / "maps"
        self.project = cache / "project"
        self.outside.mkdir(parents=True, exist_ok=True)
        self.project.mkdir(parents=True, exist_ok=True)
        (self.project / "pyproject.toml").write_text(PROJECT_PYPROJECT, encoding="utf-8")
        above = find_config(self.outside)
        if above is not None:
            sys.exit(f"{self.outside} lies under a configuration file ({above}): "
                     "pass a --cache outside any project")
        if shutil.which("argmap", path=self.env["PATH"]) is None:
            sys.exit(f"no argmap console script beside {sys.executable}: pip install -e . first")
        self.launched = cache / "launched.txt"  # the launcher's report of the last command
        self.res = Results()
        self.typed: dict[str, tuple[str, str]] = {}  # name -> (where, command line)
        self.argdown = install_argdown(cache) if args.with_argdown else None

    def where(self, cwd: Path) -> str:
        """Where a command is typed, for the report."""
        return {self.outside: "outside", self.project: "project", REPO: "repository"}[cwd]

    def rounds(self, jobs: Sequence[Job], before_each: dict[str, Path] | None = None
               ) -> dict[str, list[Run]]:
        """Run the jobs round by round, so a burst of load from elsewhere slows both sides of
        a ratio alike; ``before_each`` names an output file removed before that job runs."""
        runs: dict[str, list[Run]] = {job.name: [] for job in jobs}
        for job in jobs:
            self.typed.setdefault(job.name, (self.where(job.cwd), job.typed()))
        for round_ in range(max(job.repeats for job in jobs)):
            for job in jobs:
                if round_ >= job.repeats:
                    continue
                output = (before_each or {}).get(job.name)
                if output is not None:
                    output.unlink(missing_ok=True)
                run = measure(job.argv, job.cwd, self.env, self.args.timeout, self.launched)
                # The Argdown CLI exits 1 both on warnings and on a crash: look for its output.
                run.crashed = output is not None and not output.exists()
                if not run.ok:
                    last = (run.stderr.strip().splitlines() or [""])[-1]
                    print(f"{job.name}: exit {run.status}: {last}", file=sys.stderr)
                runs[job.name].append(run)
        return runs

    def startup(self) -> None:
        """Start-up figures and their yardsticks, typed in the outside directory and the repo."""
        count = 1 if self.args.quick else max(5, self.args.repeats)
        jobs = [Job("argmap --version", ("argmap", "--version"), self.outside, count),
                Job("python -c pass", (PYTHON, "-c", "pass"), self.outside, count),
                Job("import yaml, typer", (PYTHON, "-c", IMPORT_YARDSTICK), REPO, count),
                Job("check paper", ("argmap", "check", PAPER_MAP), REPO, count)]
        # Warm-up: the first runs compile bytecode into the cache.
        for job in jobs:
            measure(job.argv, job.cwd, self.env, self.args.timeout, self.launched)
        for name, runs in self.rounds(jobs).items():
            self.res.startup[name] = median(runs)

    def size(self, n: int) -> None:
        """Every measurement on the map of ``n`` claims, interleaved round by round."""
        repeats = self.args.repeats if n < 100_000 else self.args.big_repeats
        yaml_path, argdown_path = write_maps(n, self.outside, self.args.seed)
        shutil.copyfile(yaml_path, self.project / yaml_path.name)
        print(f"N={n}: {yaml_path.stat().st_size / 1e6:.1f} MB of YAML", file=sys.stderr)
        name, out = yaml_path.name, self.outside
        jobs = [Job("compose", (PYTHON, "-c", COMPOSE_SCRIPT, name), out, repeats)]
        for check, (options, where) in CHECKS.items():
            cwd = out if where == "outside" else self.project
            jobs.append(Job(check, ("argmap", "check", name, *options), cwd, repeats))
        jobs += [Job("evaluate", ("argmap", "evaluate", name), out, repeats),
                 Job("render dot", ("argmap", "render", name, "-f", "dot", "-o",
                                    f"map-{n}.dot"), out, repeats)]
        if n in self.args.svg_sizes:
            once = 1 if n >= 10_000 else repeats  # a 10,000-claim layout takes minutes
            jobs += [Job("render svg", ("argmap", "render", name, "-o", f"map-{n}.svg"), out,
                         once),
                     Job("bare dot", ("dot", "-Tsvg", f"map-{n}.dot", "-o", f"bare-{n}.svg"),
                         out, once)]
        exported: dict[str, Path] = {}
        if self.argdown is not None:
            jobs.append(Job("argdown", (str(self.argdown), "json", argdown_path.name,
                                        "argdown-json"), out, repeats))
            exported["argdown"] = out / "argdown-json" / f"{argdown_path.stem}.json"
        runs = self.rounds(jobs, exported)
        for job_name, done in runs.items():
            self.res.runs[job_name, n] = median(done)
        composed = [float(r.stdout) for r in runs["compose"] if r.ok]
        if composed:
            self.res.compose[n] = statistics.median(composed)

    def rules(self, n: int) -> None:
        """Each rule's CPU time on the map of ``n`` claims, in a process of its own."""
        yaml_path, _ = write_maps(n, self.outside, self.args.seed)
        print(f"N={n}: timing each rule", file=sys.stderr)
        # The fastest of several processes: a burst of load from elsewhere lands on one of
        # them, and one slow figure at one size is enough to bend a fitted exponent.
        best: dict[str, float] = {}
        for _ in range(self.args.rule_repeats):
            per_rule = measure([PYTHON, "-c", RULES_SCRIPT, yaml_path.name], self.outside,
                               self.env, self.args.timeout, self.launched)
            for line in per_rule.stdout.splitlines():
                rule, seconds = line.split()
                best[rule] = min(best.get(rule, math.inf), float(seconds))
        self.res.rule_times[n] = best


def report(bench: Bench, sizes: Sequence[int]) -> str:
    """The printed report: conditions, command lines, figures, targets, rules."""
    res, args = bench.res, bench.args
    startup = ", ".join(f"`{name}` {fmt_run(res.startup[name])}" for name in res.startup)
    parts = [
        f"Machine: {machine()}",
        f"Median of {args.repeats} runs ({args.big_repeats} from 100,000 claims up); wall "
        f"seconds / peak RSS; output piped. Start-up: {startup}.",
        "Typed in: outside = a directory with no configuration above it; project = a directory "
        "whose pyproject.toml has a [tool.argmap] table; repository = this repository.",
        markdown_table(["measure", "typed in", "command line"],
                       [[name, where, f"`{line}`"] for name, (where, line) in bench.typed.items()]),
    ]
    runs = [n for n in sizes if ("compose", n) in res.runs]
    if runs:
        parts.append(markdown_table(
            ["claims", "YAML MB", "C compose s", *CHECKS, "argdown json"],
            [[f"{n:,}", f"{(bench.outside / f'map-{n}.yaml').stat().st_size / 1e6:.1f}",
              fmt_s(res.compose.get(n)), *(fmt_run(res.runs.get((c, n))) for c in CHECKS),
              fmt_run(res.runs.get(("argdown", n)))] for n in runs]))
        others = ["evaluate", "render dot", "render svg", "bare dot"]
        parts.append(markdown_table(
            ["claims", *others],
            [[f"{n:,}", *(fmt_run(res.runs.get((o, n))) for o in others)] for n in runs]))
    parts.append(markdown_table(
        ["target", "limit", "measured", "verdict"],
        [(name, limit, measured, "n/a" if ok is None else ("PASS" if ok else "FAIL"))
         for name, limit, measured, ok in targets(res)]))
    if res.rule_times:
        rule_sizes = sorted(res.rule_times)
        growth = res.rule_growth() or {}
        fitted = rule_sizes[1:] if len(rule_sizes) > 2 else rule_sizes
        extra = ([f"{rule_sizes[-1]:,} / {rule_sizes[0]:,}",
                  f"k ({fitted[0]:,} to {rule_sizes[-1]:,})"] if growth else [])
        parts.append(markdown_table(
            ["rule", *(f"{n:,} claims, CPU s" for n in rule_sizes), *extra],
            [[rule, *(f"{res.rule_times[n][rule]:.4f}" for n in rule_sizes),
              *([f"{growth[rule][0]:.1f}x", f"{growth[rule][1]:.2f}"] if growth else [])]
             for rule in res.rule_times[rule_sizes[0]]]))
    return "\n\n".join(parts)


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
                        help="runs per figure from 100,000 claims up (each takes seconds)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per process")
    parser.add_argument("--with-argdown", action="store_true",
                        help=f"install {ARGDOWN_PACKAGE} with npm (once) and time `argdown json`")
    parser.add_argument("--quick", action="store_true",
                        help="a few seconds: 100 claims, one run each, rules at 100 and 200")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help="maps, outputs, bytecode and the Argdown install go here")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.svg_sizes, args.rule_sizes = "100", "", "100,200"
        args.repeats = args.rule_repeats = 1
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    args.svg_sizes = {int(s) for s in args.svg_sizes.split(",") if s}
    args.rule_sizes = [int(s) for s in args.rule_sizes.split(",") if s]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the report with the target verdicts; exit 0 whether or not they pass."""
    args = parse_args(argv)
    bench = Bench(args)
    bench.startup()
    for n in args.sizes:
        bench.size(n)
    for n in args.rule_sizes:
        bench.rules(n)
    print(report(bench, args.sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
