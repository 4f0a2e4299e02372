"""Hostile files given to `argmap import`, hostile titles given to `argmap init`.

Each ends in one clear line and status 2 with nothing written, or in a map argmap loads; reads
are bounded in size, time and memory; no input is overwritten.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from hostile_support import REPO, cli
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.argdown.parser import parse_argdown
from argmap.errors import MapLoadError
from argmap.importers import IMPORTERS, common
from argmap.importers.argdown import translate
from argmap.importers.iccma import read_file as read_iccma
from argmap.load.dump import dump_map
from argmap.load.loader import MAX_MAP_BYTES, load_map, load_text

DIGITS = "9" * 4300  # past Python's limit for turning digits into an int
FORMATS = {"argdown": "map.argdown", "aif": "map.json", "carneades": "map.yml",
           "brat": "essay.ann", "iccma": "af.af"}


def _import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, name: str,
            data: bytes | str) -> tuple[int, str, str]:
    """Write ``data`` as ``name`` and run `argmap import name --from fmt -o out.yaml` there."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    outcome = cli("import", name, "--from", fmt, "-o", "out.yaml")
    return outcome.code, outcome.out, outcome.err


REFUSED = [
    # ICCMA
    ("iccma", "af.af", f"p af {DIGITS}\n",
     "1:1: the header declares a 4,300-digit number of arguments, more than a map holds"),
    ("iccma", "af.af", "p af 2\n" + "1" * 4300 + " 2\n", "2:1: attack names undeclared "
     "argument '111111111111111111111111111111111111111111111111111111111111'… (4,300 characters)"),
    ("iccma", "af.af", "p af 1000000000000\n", "1:1: the header declares 1,000,000,000,000 "
     "arguments: the imported map would be larger than 32 MB, the most argmap reads as one map"),
    ("iccma", "af.af", "p af ٣\n", "1:1: expected the header `p af <number of arguments>`"),
    ("iccma", "af.af", "", "1:1: no `p af <n>` header"),
    ("iccma", "af.apx", b"arg(a).\x00\n", "1:1: expected `arg(name).` or `att(name,name).`"),
    ("iccma", "af.apx", b"arg(\xed\xb2\x80).\n",  # a lone surrogate, encoded
     "1:5: not UTF-8 text: byte 0xed cannot be decoded"),
    ("iccma", "af.tgf", b"a\n#\ncaf\xe9 a\n", "3:4: not UTF-8 text: byte 0xe9 cannot be decoded"),
    # AIF
    ("aif", "a.json", '{"nodes": [{"nodeID": "1", "type": "I"',
     "1:39: not valid JSON: Expecting ',' delimiter"),
    ("aif", "a.json", "[1, 2]", "1:1: not an AIF document: no 'nodes' list"),
    ("aif", "a.json", '{"nodes": "x"}', "1:1: not an AIF document: no 'nodes' list"),
    ("aif", "a.json", '{"nodes": [1]}', "1:1: an AIF node must be a JSON object"),
    ("aif", "a.json", '{"nodes": [{"nodeID": [1], "type": "I"}]}',
     "1:1: 'nodeID' must be a string or a number, not a list"),
    ("aif", "a.json", '{"nodes": [{"nodeID": true, "type": "I"}]}',
     "1:1: 'nodeID' must be a string or a number, not true or false"),
    ("aif", "a.json", '{"nodes": [{"nodeID": "1", "type": {}}]}',
     "1:13: 'type' must be a string or a number, not an object"),
    ("aif", "a.json", '{"nodes": [\n {"nodeID": "1", "type": "I", "text": [1]}]}',
     "2:3: 'text' must be a string or a number, not a list"),
    ("aif", "a.json", '{"nodes": [\n {"nodeID": "1"}]}',
     "2:3: an AIF node needs 'nodeID' and 'type'"),
    ("aif", "a.json", '{"nodes": [], "edges": [{"fromID": null, "toID": "1"}]}',
     "1:1: an AIF edge needs 'fromID' and 'toID'"),
    ("aif", "a.json", '{"nodes": [], "edges": {}}',
     "1:1: not an AIF document: 'edges' is not a list"),
    ("aif", "a.json", '{"nodes": [], "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "1:1: JSON nested too deeply to read"),
    ("aif", "a.json", '{"nodes": [\n {"nodeID": "1", "type": "I", "text": "\\ud800"}]}',
     "2:3: 'text' holds a lone surrogate (an escape such as \\udc80, which is not a character)"),
    ("aif", "a.json", '{"nodes": []}'.encode("utf-16"),
     "1:1: not UTF-8 text: byte 0xff cannot be decoded"),
    # Carneades
    ("carneades", "c.yml", "statements:\n  a: [",
     "3:1: YAML syntax error: did not find expected node content (while parsing a flow node)"),
    ("carneades", "c.yml", "statements: &s\n  a: x\nassumptions: *s\n",
     "1:13: YAML anchors and aliases are not allowed in a map (write the value out)"),
    ("carneades", "c.yml", "statements: !!python/object/apply:os.system [ls]\n",
     "1:13: a YAML tag is not allowed in a map"),  # not quoted: the file is no argmap map
    ("carneades", "c.yml", "42\n",
     "1:1: expected a Carneades argument graph (a mapping with `statements:`)"),
    ("carneades", "c.yml", "statements: [a, b]\n",
     "1:13: `statements:` must map statement ids to texts"),
    ("carneades", "c.yml", "statements:\n  a: {text: [1]}\n",
     "2:13: `text` must be a non-empty string"),
    ("carneades", "c.yml", "arguments:\n  a1: [x]\n", "2:7: argument a1 must be a mapping"),
    ("carneades", "c.yml", "arguments:\n  a1: {conclusion: {a: 1}}\n",
     "2:20: `conclusion` must be a non-empty string"),
    ("carneades", "c.yml", "issues:\n  i1: {positions: {a: 1}}\n",
     "2:19: `positions:` must be a list of statement ids"),
    ("carneades", "c.yml", b"statements:\n  a: x\x00\n",
     "2:7: '\\x00' is not allowed in a YAML file"),
    ("carneades", "c.yml", "statements: {}\n---\nstatements: {}\n",
     "2:1: a map file holds one YAML document; found a second"),
    ("carneades", "c.yml", "statements:\n  a: x\n  a: y\n",
     "3:3: duplicate key (first defined at line 2)"),
    # Argdown
    ("argdown", "a.argdown", "[a]: x {a: &x [1], b: *x}\n", "1:12: data block: YAML anchors "
     "and aliases are not allowed in a map (write the value out)"),
    ("argdown", "a.argdown", "===\na: &x [1]\nb: *x\n===\n[a]: x\n", "2:4: front matter: YAML "
     "anchors and aliases are not allowed in a map (write the value out)"),
    ("argdown", "a.argdown", "[a]: x {k: !!python/name:os.system x}\n", "1:12: data block: "
     "a YAML tag is not allowed in a map"),
    ("argdown", "a.argdown", "\n[a]: x {k: 1, k: 2}\n",
     "2:15: data block: duplicate key (first defined at line 2)"),
    ("argdown", "a.argdown", "[a]: x " + "{" * 200_000 + "\n",
     "1:8: '{' of a data block is never closed"),
    ("argdown", "a.argdown", "[" * 200_000 + "\n", "1:1: title opened with '[' is never closed "
     "with ']'"),
    ("argdown", "a.argdown", "===\n- a\n===\n[a]: x\n", "2:1: front matter must be a YAML mapping"),
    ("argdown", "a.argdown", b"[a]: caf\xe9\n", "1:9: not UTF-8 text: byte 0xe9 cannot be decoded"),
    ("argdown", "a.argdown", b"[a]: \xed\xb2\x80\n", "1:6: not UTF-8 text: byte 0xed cannot be "
     "decoded"),
    # brat
    ("brat", "e.ann", f"T1\tClaim {DIGITS} 1\tx\n",
     "1:1: malformed text-bound annotation (want 'Tn<TAB>Type start end<TAB>text')"),
    ("brat", "e.ann", "T1\tMajorClaim 0 1\tx\nA1\tStance T9 Against\n",
     "2:1: stance names an unknown annotation"),
    ("brat", "e.ann", "T1\tClaim 0 1\tx\nT1\tClaim 0 1\ty\n",
     "2:1: annotation T1 is written twice (first at line 1)"),
    ("brat", "e.ann", b"T1\tClaim 0 1\tcaf\xe9\n",
     "1:17: not UTF-8 text: byte 0xe9 cannot be decoded"),
]


def _ids(cases: list[tuple[str, str, bytes | str, str]]) -> list[str]:
    return [f"{fmt}-{number}" for number, (fmt, *_) in enumerate(cases)]


@pytest.mark.parametrize(("fmt", "name", "data", "message"), REFUSED, ids=_ids(REFUSED))
def test_hostile_input_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              fmt: str, name: str, data: bytes | str,
                                              message: str) -> None:
    started = time.perf_counter()
    code, out, err = _import(tmp_path, monkeypatch, fmt, name, data)
    assert time.perf_counter() - started < 5
    assert (code, out, err) == (2, "", f"argmap: error: {name}:{message}\n")
    assert os.listdir(tmp_path) == [name]  # no output, no temporary file left behind


@pytest.mark.parametrize(("fmt", "name", "data"), [
    ("aif", "a.json", '{"nodes": [], "x": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ("carneades", "c.yml", "statements: " + "[" * 100_000 + "]" * 100_000 + "\n"),
    ("argdown", "a.argdown", "[a]: x {a: " + "[" * 100_000 + "]" * 100_000 + "}\n"),
    ("argdown", "a.argdown", "[a]: x " + "{" * 100_000 + "}" * 100_000 + "\n"),
    ("argdown", "a.argdown", "===\na: " + "[" * 100_000 + "]" * 100_000 + "\n===\n"),
], ids=["aif", "carneades", "argdown-data", "argdown-braces", "argdown-front-matter"])
def test_deep_nesting_is_an_error_not_a_recursion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  fmt: str, name: str, data: str) -> None:
    code, out, err = _import(tmp_path, monkeypatch, fmt, name, data)
    # the column depends on the libyaml build (see test_hostile_input); the message does not
    assert (code, out) == (2, "")
    assert re.fullmatch(rf"argmap: error: {re.escape(name)}:\d+:\d+: (data block: |front matter: "
                        r")?(nesting deeper than 64 levels|JSON nested too deeply to read)\n", err)


@pytest.mark.parametrize(("fmt", "name"), FORMATS.items())
def test_a_file_just_over_the_size_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   fmt: str, name: str) -> None:
    """The loader's cap, MAX_MAP_BYTES, for every format; the file is sparse: quick to make."""
    monkeypatch.chdir(tmp_path)
    with (tmp_path / name).open("wb") as handle:
        handle.truncate(MAX_MAP_BYTES + 1)
    outcome = cli("import", name, "--from", fmt, "-o", "out.yaml")
    assert (outcome.code, outcome.err) == (
        2, f"argmap: error: {name}:1:1: file is larger than 32 MB, the most argmap imports\n")
    assert not (tmp_path / "out.yaml").exists()


def test_a_file_at_the_size_cap_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with (tmp_path / "af.af").open("wb") as handle:
        handle.truncate(MAX_MAP_BYTES)
    outcome = cli("import", "af.af", "--from", "iccma", "-o", "out.yaml")
    assert (outcome.code, outcome.err) == (
        2, "argmap: error: af.af:1:1: expected the header `p af <number of arguments>`\n")


@pytest.mark.parametrize(("given", "shown", "message"), [
    ("folder", "folder", "is a directory, not a file"),
    ("missing.json", "missing.json", "cannot read file: No such file or directory"),
    ("essay.ann", "essay.txt", "is a directory, not a file"),  # brat reads the text beside it
])
def test_an_input_that_is_no_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           given: str, shown: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    (tmp_path / "essay.txt").mkdir()
    (tmp_path / "essay.ann").write_text("T1\tClaim 0 1\tx\n", encoding="utf-8")
    fmt = "brat" if given.endswith(".ann") else "aif"
    outcome = cli("import", given, "--from", fmt, "-o", "out.yaml")
    assert (outcome.code, outcome.err) == (2, f"argmap: error: {shown}:1:1: {message}\n")
    assert not (tmp_path / "out.yaml").exists()


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_an_endless_device_ends_at_the_cap_in_bounded_memory(tmp_path: Path) -> None:
    """/dev/zero in every format, each a process limited to 1 GB of address space."""
    runs = {fmt: subprocess.Popen(
        [sys.executable, "-m", "argmap", "import", "/dev/zero", "--from", fmt,
         "-o", str(tmp_path / f"{fmt}.yaml")],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_limit_memory) for fmt in FORMATS}
    for fmt, run in runs.items():
        out, err = run.communicate(timeout=60)
        assert (run.returncode, out, err) == (2, "", "argmap: error: /dev/zero:1:1: file is "
                                              "larger than 32 MB, the most argmap imports\n"), fmt
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_nobody_writes_to_is_not_waited_on_for_ever(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "PIPE_WAIT_SECONDS", 0.2)
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "pipe.json")
    outcome = cli("import", "pipe.json", "--from", "aif", "-o", "out.yaml")
    assert (outcome.code, outcome.err) == (
        2, "argmap: error: pipe.json:1:1: is a pipe that nothing was written to in 0.2 seconds\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_read_once_written_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "pipe.json")
    doc = '{"nodes": [{"nodeID": "1", "type": "I", "text": "Build the tram."}]}'
    writer = threading.Thread(target=(tmp_path / "pipe.json").write_text, args=(doc,),
                              daemon=True)
    writer.start()  # blocks until the importer opens the pipe
    outcome = cli("import", "pipe.json", "--from", "aif", "-o", "out.yaml")
    writer.join(timeout=10)
    assert (outcome.code, outcome.err) == (0, "")
    assert load_map(tmp_path / "out.yaml").claims["1"].text == "Build the tram."


def test_an_iccma_header_allocates_nothing_before_the_data(tmp_path: Path) -> None:
    path = tmp_path / "af.af"
    path.write_text("p af 1000000000000\n", encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(MapLoadError, match="the imported map would be larger than 32 MB"):
        read_iccma(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert time.perf_counter() - started < 1
    assert peak < 1 << 20


def test_an_iccma_header_counts_the_arguments_the_data_does_not_mention(tmp_path: Path) -> None:
    """`p af 3` with one attack: three claims, argument 3 unattacked, as the format says."""
    path = tmp_path / "af.af"
    path.write_text("p af 3\n1 2\n", encoding="utf-8")
    amap = read_iccma(path).amap
    assert list(amap.claims) == ["1", "2", "3"]
    assert [(a.attacker, a.target) for a in amap.attacks] == [("1", "2")]


LONG = "x" * 200  # long ids make the square below outgrow a map with a few hundred of each
SQUARES = [
    ("argdown", "a.argdown",
     "<G>: g\n" + "".join(f"  +> [s{i}{LONG}]: x\n" for i in range(400))
     + "".join(f"<G>\n  <_ [u{i}]: y\n\n" for i in range(400)),
     r"\d+:3: undercut from \[u\d+\] to <G>"),
    ("aif", "a.json",
     '{"nodes": [{"nodeID": "ca", "type": "CA"}, '
     + ", ".join(f'{{"nodeID": "{i}{LONG}", "type": "I", "text": "t"}}' for i in range(800))
     + '], "edges": ['
     + ", ".join(f'{{"fromID": "{i}{LONG}", "toID": "ca"}}' for i in range(400)) + ", "
     + ", ".join(f'{{"fromID": "ca", "toID": "{i}{LONG}"}}' for i in range(400, 800)) + "]}",
     "1:13: CA node 'ca'"),
    ("carneades", "c.yml",
     "issues:\n  i1:\n    positions: [" + ", ".join(f"p{i}{LONG}" for i in range(400)) + "]\n"
     "arguments:\n" + "".join(f"  a{i}: {{conclusion: p{i}{LONG}, premises: [q]}}\n"
                             for i in range(400)),
     "2:3: issue i1: its 400 positions rebut one another"),
]


@pytest.mark.parametrize(("fmt", "name", "data", "where"), SQUARES, ids=_ids(SQUARES))
def test_relations_that_multiply_are_counted_before_they_are_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, name: str, data: str,
        where: str) -> None:
    """Each undercut of a reason claim attacks all its supports; each attacker of an AIF CA
    node attacks each target; the positions of a Carneades issue rebut one another."""
    started = time.perf_counter()
    code, out, err = _import(tmp_path, monkeypatch, fmt, name, data)
    assert time.perf_counter() - started < 3
    assert (code, out) == (2, "")
    assert re.fullmatch(rf"argmap: error: {name}:{where}: the imported map would be larger "
                        r"than 32 MB, the most argmap reads as one map\n", err), err


LINEAR = {
    "[": "[a]: " + "[" * 200_000,
    "[x](": "[a]: x " + "[x](" * 50_000,
    "**": "[a]: x " + "**a " * 50_000,
    "*": "[a]: x " + "*a " * 70_000,
    "_": "[a]: x " + "_a " * 70_000,
    "#(": "[a]: x " + "#( " * 70_000,
    "spaces in an inference": "(1) a\n-- " + " " * 200_000 + "x --\n(2) b",
    "continuation lines": "[a]: x\n" + "y\n" * 200_000,
    "comment openers": "[a]: x " + "/*" * 100_000 + "*/",
    "relations": "[a]: x\n" + "".join(f"  + [s{i}]: t\n" for i in range(10_000)),
    "tags": "[a]: x " + " ".join(f"#t{i}" for i in range(10_000)) + "\n" + "[a]\n\n" * 10_000,
}


@pytest.mark.parametrize("text", LINEAR.values(), ids=LINEAR.keys())
def test_the_argdown_reader_is_linear_on_long_runs(text: str) -> None:
    """Each took minutes or hours when the reader rescanned a line or a list per element."""
    started = time.perf_counter()
    result, _ = translate(parse_argdown(text, "long.argdown"), "long.argdown")
    assert time.perf_counter() - started < 2
    assert result.amap.claims


def test_a_map_too_large_to_read_back_is_not_written(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A 10 MB tgf file whose map would be larger than the loader reads."""
    nodes = "".join(f"{number:040d}\n" for number in range(260_000))
    started = time.perf_counter()
    code, out, err = _import(tmp_path, monkeypatch, "iccma", "af.tgf", nodes + "#\n")
    assert time.perf_counter() - started < 10
    assert (code, out, err) == (2, "", "argmap: error: the map would be 33.5 MB or more, more "
                                "than the 32 MB argmap reads as one map; nothing is written\n")
    assert os.listdir(tmp_path) == ["af.tgf"]


def test_deeply_nested_relations_import_without_recursion(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    text = "[s0]: t\n" + "".join("  " * i + f"+ [s{i}]: t\n" for i in range(1, 1_500))
    code, _, err = _import(tmp_path, monkeypatch, "argdown", "deep.argdown", text)
    assert (code, err) == (0, "")
    assert len(load_map(tmp_path / "out.yaml").claims) == 1_500


def test_aif_nodes_sharing_an_id_are_warned(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    doc = ('{"nodes": [\n  {"nodeID": "7", "type": "I", "text": "first"},\n'
           '  {"nodeID": "7", "type": "I", "text": "second"}\n]}')
    code, _, err = _import(tmp_path, monkeypatch, "aif", "a.json", doc)
    assert (code, err) == (0, "a.json:3:4: import warning node id '7' is used again (first at "
                              "line 2); this node is left out\n")
    assert load_map(tmp_path / "out.yaml").claims["7"].text == "first"


ACCEPTED = [
    ("aif", "a.json", '{"nodes": [{"nodeID": ' + DIGITS + ', "type": "I", "text": "x"}]}', ""),
    ("aif", "a.json", '{"nodes": [{"nodeID": "1", "type": "I", "text": "a\\u0000b\\u001b[2J"}]}',
     ""),
    ("aif", "a.json", '{"nodes": [{"nodeID": "1", "type": "I", "text": " ", "scheme": " "}]}',
     "a.json:1:13: import warning I node 1 has no text; a placeholder stands in\n"),
    ("argdown", "a.argdown", "(1) p\n-- {uses: [" + DIGITS + "]} --\n(2) q\n",
     "a.argdown:2:1: import warning 'uses' must list numbers of the 1 statements above; the "
     "inference uses all of them instead\n"),
    ("argdown", "a.argdown", b"[a]: x\x00y\x1b[2J\n", ""),
    ("argdown", "a.argdown", "<A>\n\n(1) [p]: p\n-- {warrant: p} --\n(2) [q]: q\n",
     "a.argdown:4:1: import warning the warrant of inference 1 of <A> is also one of its "
     "premises; it is kept as a premise only\n"),
    ("argdown", "a.argdown", "[a]: x {locator: [1], cites: [[1]], note: ' '}\n",
     "a.argdown:1:1: import warning locator of [a] is empty or not text; kept as a note\n"
     "a.argdown:1:1: import warning cites of [a] names sources the front matter does not list; "
     "kept as a note\n"),
    ("argdown", "a.argdown", "===\nsources: {s: {title: T, date: 2024-13-01}, u: {title: ' '}}\n"
     "===\n[a]: x {cites: [s, s]}\n",
     "a.argdown:1:1: import warning source 's': date '2024-13-01' is not YYYY, YYYY-MM or "
     "YYYY-MM-DD; left out\n"
     "a.argdown:1:1: import warning source 'u' in the front matter has no title; left out\n"),
    ("carneades", "c.yml", "statements:\n  ' ': ''\narguments:\n  a: {conclusion: s1, premises: "
     "[s2, s2]}\n  b: {conclusion: s1, premises: {warrant: s2, datum: s2}}\n", ""),
    ("carneades", "c.yml", "assumptions: [p]\nissues:\n  i1: {positions: [p, q, q]}\n  i2: "
     "{positions: [p, q]}\narguments:\n  a: {conclusion: q, premises: [r]}\n",
     "c.yml:3:3: import warning issue i1: Carneades lets an assumed position win outright; here "
     "an argued alternative can still defeat it\n"
     "c.yml:4:3: import warning issue i2: Carneades lets an assumed position win outright; here "
     "an argued alternative can still defeat it\n"),
    ("brat", "e.ann", "T1\tMajorClaim 0 1\tx\nT2\tClaim 0 1\ty\nR1\tattacks Arg1:T2 Arg2:T1\n"
     "A1\tStance T2 Against\n#1\tAnnotatorNotes T1\t \n",
     "e.ann:1:1: import warning no essay text e.txt beside the annotations; offsets are not "
     "checked\n"),
]


@pytest.mark.parametrize(("fmt", "name", "data", "warnings"), ACCEPTED, ids=_ids(ACCEPTED))
def test_odd_input_imports_to_a_map_argmap_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 fmt: str, name: str, data: bytes | str,
                                                 warnings: str) -> None:
    code, _, err = _import(tmp_path, monkeypatch, fmt, name, data)
    assert (code, err) == (0, warnings)
    checked = cli("check", "out.yaml", "--select", "orphan-claim")
    assert checked.code in (0, 1), checked.out


def test_brat_import_does_not_overwrite_its_essay(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.txt").write_text("Trams now.\n", encoding="utf-8")
    (tmp_path / "e.ann").write_text("T1\tMajorClaim 0 9\tTrams now\n", encoding="utf-8")
    outcome = cli("import", "e.ann", "--from", "brat", "-o", "e.txt")
    assert (outcome.code, outcome.err) == (
        2, "argmap: error: output 'e.txt' is an input; refusing to overwrite it\n")
    assert (tmp_path / "e.txt").read_text(encoding="utf-8") == "Trams now.\n"
    assert sorted(os.listdir(tmp_path)) == ["e.ann", "e.txt"]


TITLES = ["yes", "null", "a: b", "# not a comment", "'", '"', "- item", "tab\there", "\x7f",
          "a\x85b", "a\u2028b", "\ufeff", "\x1b[2J", "\u202e", "x" * 10_000, "line\nbreak"]


@pytest.mark.parametrize("title", TITLES, ids=[ascii(t)[:20] for t in TITLES])
def test_init_writes_a_map_argmap_loads_whatever_the_title(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("init", "new.yaml", "--title", title).code == 0
    assert cli("check", "new.yaml").code == 0
    assert load_map(tmp_path / "new.yaml").title == title


@pytest.mark.parametrize(("title", "message"), [
    ("", "the title is empty"), ("  ", "the title is empty"),
    ("caf\udce9", "the title is not UTF-8 text"),  # a Latin-1 byte on a UTF-8 command line
])
def test_init_refuses_a_title_no_map_can_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              title: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = cli("init", "new.yaml", "--title", title)
    assert (outcome.code, outcome.err) == (2, f"argmap: error: {message}\n")
    assert os.listdir(tmp_path) == []


# -- generated documents: whatever an importer accepts, argmap loads ----------------------

NAMES = st.sampled_from(["a", "b", "a b", "1", "yes", "null", "-", "", " ", "a->b", "x.argued",
                         "T1", "é", "a:b", "\x1b", "a-2", "node"])
TEXTS = st.one_of(st.text(max_size=6), st.sampled_from(["yes", "- x", "# x", "\x85", "\u2028"]))
JSON_VALUES = st.one_of(TEXTS, NAMES, st.integers(), st.none(), st.booleans(),
                        st.lists(st.integers(), max_size=1))


@st.composite
def aif_documents(draw: st.DrawFn) -> tuple[str, str]:
    import json

    keys = ("nodeID", "type", "text", "scheme")
    values = {"nodeID": NAMES, "type": st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "X"]),
              "text": JSON_VALUES, "scheme": JSON_VALUES}
    nodes = draw(st.lists(st.fixed_dictionaries({}, optional={k: values[k] for k in keys}),
                          max_size=8))
    ids = [n.get("nodeID", "z") for n in nodes] or ["z"]
    edges = draw(st.lists(st.fixed_dictionaries({"fromID": st.sampled_from(ids),
                                                 "toID": st.sampled_from(ids)}), max_size=12))
    return json.dumps({"nodes": nodes, "edges": edges}), "a.json"


def _yaml(value: str) -> str:
    import json

    return json.dumps(value)  # a JSON string is a YAML double-quoted scalar


@st.composite
def carneades_documents(draw: st.DrawFn) -> tuple[str, str]:
    ids = st.sampled_from(["s1", "s2", "s3", "a b", "yes", "¬s1", "s1.argued", "-", " "])
    id_list = st.lists(ids, max_size=3).map(lambda xs: "[" + ", ".join(map(_yaml, xs)) + "]")
    lines = ["statements:"] + [f"  {_yaml(s)}: {_yaml(t)}" for s, t in draw(
        st.dictionaries(ids, TEXTS.filter(lambda t: "\x85" not in t), max_size=4)).items()]
    lines.append(f"assumptions: {draw(id_list)}")
    lines.append("arguments:")
    for number in range(draw(st.integers(0, 5))):
        parts = [f"conclusion: {_yaml(draw(ids))}", f"premises: {draw(id_list)}"]
        if draw(st.booleans()):
            roles = draw(st.dictionaries(st.sampled_from(["warrant", "datum", "major"]), ids))
            parts[1] = "premises: {" + ", ".join(f"{r}: {_yaml(s)}" for r, s in roles.items()) + "}"
        if draw(st.booleans()):
            parts.append(f"undercutter: {_yaml(draw(ids))}")
        parts.append(f"scheme: {draw(st.sampled_from(['convergent', 'linked', 'cumulative']))}")
        lines.append(f"  {_yaml(draw(st.sampled_from(['a', 'a.applies', 's1'])) + str(number))}: "
                     "{" + ", ".join(parts) + "}")
    lines.append("issues:")
    lines += [f"  i{n}: {{positions: {draw(id_list)}}}" for n in range(draw(st.integers(0, 3)))]
    return "\n".join(lines) + "\n", "c.yml"


@st.composite
def brat_documents(draw: st.DrawFn) -> tuple[str, str]:
    count = draw(st.integers(0, 5))
    tag = st.integers(1, count + 1).map(lambda n: f"T{n}")
    labels = st.sampled_from(["MajorClaim", "Claim", "Premise", "Other"])
    texts = st.sampled_from(["x", "y z", " ", "\x1b"])
    lines = [f"T{n}\t{draw(labels)} 0 1\t{draw(texts)}" for n in range(1, count + 1)]
    for number in range(draw(st.integers(0, 5))):
        lines.append(draw(st.sampled_from([
            f"R{number}\t{draw(st.sampled_from(['supports', 'attacks']))} Arg1:{draw(tag)} "
            f"Arg2:{draw(tag)}",
            f"A{number}\tStance {draw(tag)} {draw(st.sampled_from(['For', 'Against']))}",
            f"#{number}\tAnnotatorNotes {draw(tag)}\t{draw(st.sampled_from([' ', 'note']))}"])))
    return "\n".join(lines) + "\n", "e.ann"


ARGDOWN_PIECES = [
    "[A]: a", "[B]: b #t", "<X>: x", "(1) p", "(2) [A]", "----", "-- r {warrant: A} --",
    "  + [A]", "  - <X>", "  <_ [U]: u", "  _> <X>", "  >< [B]", "[A]: a {locator: [1]}",
    "[A]: a {cites: [s, s]}", "[C]: c {cites: [[1]], note: ' '}", "<X>: x {convergent: true}",
    "[a b]: z", "[yes]: y", "# H", "",
]
FRONT_MATTER = ["", "===\nsources: {s: {title: T, date: 2024-13-01}, u: {title: ' '}}\n===",
                "===\ntitle: ' '\n==="]


@st.composite
def argdown_documents(draw: st.DrawFn) -> tuple[str, str]:
    pieces = draw(st.lists(st.sampled_from(ARGDOWN_PIECES), max_size=12))
    return draw(st.sampled_from(FRONT_MATTER)) + "\n" + "\n".join(pieces) + "\n", "a.argdown"


DOCUMENTS = {"aif": aif_documents(), "carneades": carneades_documents(),
             "brat": brat_documents(), "argdown": argdown_documents()}


@pytest.mark.parametrize("fmt", DOCUMENTS)
def test_whatever_an_importer_accepts_argmap_loads(fmt: str) -> None:
    @settings(max_examples=150, deadline=None)
    @given(DOCUMENTS[fmt])
    def imports_to_a_loadable_map(document: tuple[str, str]) -> None:
        text, name = document
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            try:
                result = IMPORTERS[fmt](path)
            except MapLoadError as exc:
                assert exc.position is not None
                return
            load_text(dump_map(result.amap), "imported.yaml")

    imports_to_a_loadable_map()
