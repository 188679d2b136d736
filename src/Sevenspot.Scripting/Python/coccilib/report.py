"""Report mode: one line per finding, file:line:column-column_end: message."""


def build_report(p, msg):
    return "{0}:{1}:{2}-{3}: {4}".format(p.file, p.line, p.column, p.column_end, msg)


def print_report(p, msg="ERROR"):
    print(build_report(p, msg))
