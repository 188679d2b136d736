#!/usr/bin/env python3
"""Counts the lines of `sevenspot --longhelp` that repeat `spatch --longhelp` word for word.

Sevenspot keeps spatch's option names but describes each option in its own words. This script
measures that: for every option line it compares the description (the text after the option
name), and every other non-blank line as a whole, after collapsing runs of blanks. Options that
spatch prints without a description are not counted.

usage: tools/help-overlap.py [SEVENSPOT [SPATCH]]   (prints the shared lines and their count;
exits 1 when more than 5 are shared)
"""
import re
import subprocess
import sys

LIMIT = 5


def help_text(command):
    run = subprocess.run([command, "--longhelp"], capture_output=True, text=True, check=False)
    return run.stdout + run.stderr


def descriptions(text):
    """The description of each option line, and every other non-blank line, normalised."""
    found = set()
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if line.startswith("  ") and words[0].startswith("-"):
            rest = " ".join(words[1:])
            if rest:
                found.add(rest)
        elif not re.fullmatch(r"-+", line.strip()):
            found.add(" ".join(words))
    return found


def main():
    sevenspot = sys.argv[1] if len(sys.argv) > 1 else "src/Sevenspot.Cli/bin/Release/net10.0/sevenspot"
    spatch = sys.argv[2] if len(sys.argv) > 2 else "spatch"
    ours = descriptions(help_text(sevenspot))
    theirs = descriptions(help_text(spatch))
    shared = sorted(ours & theirs)
    for line in shared:
        print("shared:", line)
    print(f"{len(shared)} of {len(ours)} description lines of sevenspot --longhelp are also in spatch --longhelp")
    return 1 if len(shared) > LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
