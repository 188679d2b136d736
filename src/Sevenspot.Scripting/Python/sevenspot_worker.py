"""Sevenspot's python worker: runs the script parts of a semantic patch.

It reads one JSON request per line on stdin and answers each with one JSON line on the channel it
was given (a copy of the original stdout; a script's own prints are captured and returned in the
answer). Requests:

  {"op": "load", "rules": [...], "exprs": [...]}     compile every script (answers syntax errors)
  {"op": "run", "id": N, "args": {...}, "outputs": [...]}   run a script rule once
  {"op": "eval", "id": N, "args": {...}}            evaluate a script constraint / fresh identifier
  {"op": "begin"} / {"op": "end"}                   bracket one C file (see "fork")
  {"op": "quit"}

With "fork": true in "load", every file starts from the state the initialize rules left, whatever ran
before it on this worker: in a child process forked at "begin", or, when the per-file scripts
("perFile" in "load") cannot change that state in place, in the worker itself, its global names put
back at "end".
"""

import io
import json
import os
import sys

# pickle and base64 (finalize's merged values) and traceback (a failing script) are imported where
# they are used: most runs need none of them, and every worker start would pay for them.


class _SiteOnDemand:
    """The site packages, set up at the first import that needs them.

    The worker starts with -S: setting up site-packages runs every .pth file there (on many systems
    one imports a certificate bundle), which is a large part of a start, and most scripts import
    nothing outside the standard library. The first import that the standard library cannot give
    runs site.main() (the paths, .pth files and sitecustomize it would have run at start), then
    looks again.
    """

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        sys.meta_path.remove(cls)
        import importlib.machinery
        import site
        site.main()
        return importlib.machinery.PathFinder.find_spec(name, path, target)


if sys.flags.no_site:
    import site as _site  # with -S, importing site only defines its functions
    _site.setquit()  # exit() and quit(), which scripts may call
    sys.meta_path.append(_SiteOnDemand)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import coccilib  # noqa: E402

_channel = os.fdopen(os.dup(1), "wb", buffering=0)
# Anything written to the real stdout by a script (os.write, a child process) must not corrupt the
# protocol: route fd 1 to stderr, which sevenspot captures.
os.dup2(2, 1)
sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0), write_through=True)
_input = sys.stdin.buffer

_globals = {"__name__": "__main__", "__builtins__": __builtins__}
_cocci = coccilib.Cocci()
_outputs = coccilib.Outputs()
_globals["coccilib"] = coccilib
_globals["cocci"] = _cocci
_globals["coccinelle"] = _outputs
# Scripts may also "import coccinelle" to reach the same object.
sys.modules["coccinelle"] = _outputs
_globals["Iteration"] = coccilib.iteration.Iteration
coccilib._the_cocci = _cocci
_rules = {}
# The value spatch gives an output metavariable that its script leaves unset.
_UNSET_OUTPUT = "initial value: consider using coccinelle.varname"
_exprs = {}
_fork = False


def _send(obj):
    _channel.write(json.dumps(obj).encode("utf-8") + b"\n")


def _value(v):
    """A metavariable value from its JSON form."""
    kind = v.get("k")
    if kind == "pos":
        return tuple(coccilib.Location(p["file"], p["fn"], str(p["l"]), str(p["c"]), str(p["le"]), str(p["ce"]))
                     for p in v["p"])
    if kind == "list":
        return coccilib.TermList(v["s"], list(v["e"]))
    return v["s"]


def _back(value):
    """The JSON form of an output metavariable's value."""
    if isinstance(value, tuple) and value and isinstance(value[0], coccilib.Location):
        return {"k": "pos", "p": [{"file": p.file, "fn": p.current_element, "l": int(p.line), "c": int(p.column),
                                   "le": int(p.line_end), "ce": int(p.column_end)} for p in value]}
    if isinstance(value, coccilib.MadeValue):
        return {"k": value.kind, "s": str(value)}
    if isinstance(value, coccilib.TermList):
        return {"k": "expression", "s": str(value)}
    return {"k": "identifier", "s": str(value)}


def _without_smpl_comments(code):
    """SmPL comments ("// ...") may stand on their own lines in a script; they are blanked, keeping line numbers."""
    lines = code.split("\n")
    for i, line in enumerate(lines):
        if line.lstrip().startswith("//"):
            lines[i] = ""
    return "\n".join(lines)


def _compile(item, mode):
    # Pad with blank lines so that python's line numbers are the .cocci file's.
    source = "\n" * max(0, item["line"] - 1) + _without_smpl_comments(item["code"])
    return compile(source, item["file"], mode)


def _load(request):
    global _fork
    _fork = bool(request.get("fork"))
    # Virtual rules and virtual identifiers are known to scripts by their names (for Iteration).
    for name in request.get("names", []):
        _globals.setdefault(name, name)
    for item in request.get("rules", []):
        if item.get("perFile", True):
            _per_file.add(item["id"])
        try:
            _rules[item["id"]] = _compile(item, "exec")
        except SyntaxError as e:
            _send({"error": "syntax", "id": item["id"], "line": e.lineno or item["line"], "col": max(0, (e.offset or 1) - 1),
                   "message": e.msg})
            return
    for item in request.get("exprs", []):
        code = item["code"].strip()
        try:
            _exprs[item["id"]] = compile("\n" * max(0, item["line"] - 1) + code, item["file"], "eval")
        except SyntaxError as e:
            _send({"error": "syntax", "id": item["id"], "expr": True, "line": e.lineno or item["line"],
                   "col": max(0, (e.offset or 1) - 1), "message": e.msg})
            return
    # The interpreter's own path: a run starts its later workers with it, not through a launcher
    # script (a version manager's shim) that would run again at each start.
    _send({"ok": True, "executable": sys.executable})


def _captured(action):
    """Runs action with the script's prints captured; gives (printed text, error text or None, exit)."""
    buffer = io.StringIO()
    coccilib.report._take()
    saved = sys.stdout
    sys.stdout = buffer
    error = None
    exit_requested = False
    try:
        result = action()
    except coccilib.ExitRequested:
        result = None
        exit_requested = True
    except SystemExit as e:
        result = None
        exit_requested = True
        if e.code not in (None, 0):
            error = "SystemExit: %s" % (e.code,)
    except BaseException as e:  # a failing script must not stop the worker
        import traceback
        result = None
        # The traceback starts at the rule's code, as spatch's does: the worker's own frames (this
        # file's, which ran the script) are left out.
        tb = e.__traceback__
        while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) == os.path.abspath(__file__):
            tb = tb.tb_next
        error = "".join(traceback.format_exception(type(e), e, tb))
    finally:
        sys.stdout = saved
    return buffer.getvalue(), error, exit_requested, result


def _run(request):
    code = _rules[request["id"]]
    for name, value in request.get("args", {}).items():
        _globals[name] = _value(value)
    # An output metavariable the script does not set keeps this text as its value, as in
    # spatch; other attributes of coccinelle (state a rule keeps there) stay.
    for name in request.get("outputs", []):
        _outputs.__dict__[name] = _UNSET_OUTPUT
    _cocci._include = True
    del _cocci._pending[:]

    def action():
        exec(code, _globals)

    out, error, exit_requested, _ = _captured(action)
    answer = {"out": out, "include": _cocci._include, "exit": exit_requested}
    _add_findings(answer)
    if error is not None:
        answer["error"] = error
    else:
        values = {}
        for name in request.get("outputs", []):
            if name in _outputs.__dict__:
                values[name] = _back(_outputs.__dict__[name])
        answer["outputs"] = values
    if _cocci._pending:
        answer["pending"] = list(_cocci._pending)
    _send(answer)


def _add_findings(answer):
    """The reports the call made through coccilib, as data (see coccilib.report)."""
    findings = coccilib.report._take()
    if findings:
        answer["findings"] = findings


def _eval(request):
    code = _exprs[request["id"]]
    scope = dict(_globals)
    for name, value in request.get("args", {}).items():
        scope[name] = _value(value)

    out, error, exit_requested, result = _captured(lambda: eval(code, scope))
    answer = {"out": out, "exit": exit_requested}
    _add_findings(answer)
    if error is not None:
        answer["error"] = error
    elif isinstance(result, bool):
        answer["bool"] = result
    else:
        answer["value"] = _back(result)
    _send(answer)


# The per-file rules' ids (the others are initialize and finalize rules).
_per_file = set()
# Whether a file needs a child of its own: None until the first file; then decided once (see _needs_child).
_child_per_file = None
# With "fork" but no child: the state a file starts from, put back at its end (see _restore).
_saved = None

# Builtins a per-file script may call without reaching state that outlives its file.
_PURE_BUILTINS = frozenset((
    "abs", "all", "any", "ascii", "bin", "bool", "bytes", "callable", "chr", "dict", "divmod", "enumerate",
    "filter", "float", "format", "frozenset", "hasattr", "hash", "hex", "int", "isinstance", "issubclass",
    "iter", "len", "list", "map", "max", "min", "next", "oct", "ord", "pow", "print", "range", "repr",
    "reversed", "round", "set", "slice", "sorted", "str", "sum", "tuple", "zip", "None", "True", "False",
    "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "AttributeError", "NameError",
))


def _immutable(value):
    import re
    if value is None or isinstance(value, (bool, int, float, complex, str, bytes, re.Pattern)):
        return True
    if isinstance(value, (tuple, frozenset)):
        return all(_immutable(v) for v in value)
    return False


def _needs_child():
    """Whether the per-file scripts might change state that a later file would see and that putting the
    global names back at the file's end would not undo: a value of the initialized state changed in place
    (a list, a set, a class), an import, an attribute set on anything but the coccinelle object, a builtin
    that reaches the globals. Their code, and that of the initialized functions they call, is read once;
    when none of this can happen, a file runs in the worker itself and its names are put back at its end,
    which gives what a child of its own would, without a fork per file."""
    import builtins
    import dis
    import types
    safe_objects = (coccilib, _cocci, _outputs, coccilib.iteration.Iteration)
    if not all(_immutable(v) for v in _outputs.__dict__.values()):
        return True
    seen = set()
    codes = [c for i, c in _rules.items() if i in _per_file] + list(_exprs.values())
    while codes:
        code = codes.pop()
        if id(code) in seen:
            continue
        seen.add(id(code))
        previous = None
        for instruction in dis.get_instructions(code):
            op = instruction.opname
            if op in ("IMPORT_NAME", "IMPORT_FROM", "IMPORT_STAR"):
                return True
            if op in ("STORE_ATTR", "DELETE_ATTR"):
                if previous is None or previous.opname not in ("LOAD_NAME", "LOAD_GLOBAL") or previous.argval != "coccinelle":
                    return True
            elif op in ("LOAD_NAME", "LOAD_GLOBAL"):
                name = instruction.argval
                if name in _globals:
                    value = _globals[name]
                    if any(value is o for o in safe_objects) or _immutable(value):
                        pass
                    elif isinstance(value, types.FunctionType) and value.__globals__ is _globals and value.__closure__ is None \
                            and _immutable(value.__defaults__) and _immutable(tuple((value.__kwdefaults__ or {}).values())):
                        codes.append(value.__code__)
                    else:
                        return True
                elif name not in _PURE_BUILTINS and hasattr(builtins, name):
                    # A name the file's scripts bind before reading it is put back at the end; of the
                    # builtins, only the pure ones are known not to reach the state.
                    return True
            previous = instruction
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                codes.append(const)
    return False


def _begin():
    """Starts a file; with "fork", in a child that answers until "end" and then exits, unless the
    file's scripts cannot leave state behind (see _needs_child)."""
    global _child_per_file, _saved
    if not _fork:
        _send({"ok": True})
        return
    if _child_per_file is None:
        _child_per_file = _needs_child()
    if not _child_per_file:
        _saved = (dict(_globals), dict(_outputs.__dict__), dict(_cocci.__dict__))
        _send({"ok": True})
        return
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _send({"ok": True})
        return
    os.waitpid(pid, 0)


def _kept(names):
    """What the merge.x bindings of finalize rules collect from this state: coccinelle.x, pickled."""
    kept = {}
    for name in names:
        if name in _outputs.__dict__:
            import base64
            import pickle
            try:
                kept[name] = base64.b64encode(pickle.dumps(_outputs.__dict__[name])).decode("ascii")
            except Exception:  # an unpicklable value cannot be merged
                pass
    return kept


def _restore():
    """Puts back the names (global, coccinelle's and cocci's) a file started with."""
    global _saved
    names, outputs, cocci = _saved
    _saved = None
    _globals.clear()
    _globals.update(names)
    _outputs.__dict__.clear()
    _outputs.__dict__.update(outputs)
    _cocci.__dict__.clear()
    _cocci.__dict__.update(cocci)


def _end(request):
    if _saved is not None:
        _send({"ok": True, "kept": _kept(request.get("merge", []))})
        sys.stderr.flush()
        _restore()
        return
    if _fork:
        # The child's state ends with it: hand over what finalize merges.
        _send({"ok": True, "kept": _kept(request.get("merge", []))})
        sys.stderr.flush()
        os._exit(0)
    _send({"ok": True})


def _state(request):
    """The values merge.x would collect from this worker's own state (without per-file children)."""
    _send({"ok": True, "kept": _kept(request.get("merge", []))})


def _merged(request):
    """Sets each merge.x argument of a finalize rule: the list of the values collected from every file or worker."""
    import base64
    import pickle
    for name, values in request.get("merged", {}).items():
        _globals[name] = [pickle.loads(base64.b64decode(v)) for v in values]
    _send({"ok": True})


def main():
    handlers = {"load": _load, "run": _run, "eval": _eval, "begin": lambda r: _begin(), "end": _end,
                "state": _state, "merged": _merged}
    while True:
        line = _input.readline()
        if not line:
            return
        request = json.loads(line)
        op = request["op"]
        if op == "quit":
            return
        handlers[op](request)


if __name__ == "__main__":
    main()
