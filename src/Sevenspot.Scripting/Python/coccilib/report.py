"""Report mode: one line per finding, file:line:column-column_end: message.

Besides the printed line, each report is kept as data (message and places) for sevenspot's
machine-readable outputs; the worker hands them over with the script's answer.
"""

_findings = []


def _place(p, label=None):
    try:
        return {"file": str(p.file), "l": int(p.line), "c": int(p.column), "le": int(p.line_end), "ce": int(p.column_end),
                "label": label}
    except (AttributeError, TypeError, ValueError):
        return None


def _record(msg, p):
    """Starts a finding at p; gives it, or None when p is not a place."""
    place = _place(p)
    if place is None:
        return None
    finding = {"msg": str(msg), "places": [place]}
    _findings.append(finding)
    return finding


def _record_secondary(msg, p):
    """Adds p to the latest finding of this script call, or starts one."""
    place = _place(p, str(msg))
    if place is None:
        return
    if _findings:
        _findings[-1]["places"].append(place)
    else:
        _findings.append({"msg": str(msg), "places": [place]})


def _take():
    taken = list(_findings)
    del _findings[:]
    return taken


def build_report(p, msg):
    return "{0}:{1}:{2}-{3}: {4}".format(p.file, p.line, p.column, p.column_end, msg)


def print_report(p, msg="ERROR"):
    line = build_report(p, msg)
    _record(msg, p)
    print(line)
