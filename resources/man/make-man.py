#!/usr/bin/env python3
"""make-man.py KYSO OUTDIR VERSION [KYSO_GUI]: the manual pages kyso(1) and kyso-COMMAND(1) (and
kyso-gui(1) when KYSO_GUI is given), made at build time from the help texts the built programs print
(`kyso --help`, `kyso COMMAND --help`, `kyso-gui --help`), so that the pages never say anything the
programs do not. Each page holds the help text as it is printed, under a NAME line taken from the
command list of `kyso --help`."""
import os
import sys

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from help_texts import command_list, run_help  # noqa: E402

kyso, outdir, version = sys.argv[1], sys.argv[2], sys.argv[3]
gui = sys.argv[4] if len(sys.argv) > 4 else None


def help_text(args, program=None):
    code, out, err = run_help(program or kyso, args)
    if code != 0 or not out.strip():
        sys.exit("make-man: `kyso %s --help` failed (%d): %s" % (" ".join(args), code, err.strip()))
    return out


def roff_block(text):
    """The help text verbatim: escapes, and no line may start with a control character."""
    out = []
    for line in text.rstrip("\n").split("\n"):
        line = line.replace("\\", "\\e")
        if line.startswith((".", "'")):
            line = "\\&" + line
        out.append(line)
    return ".nf\n" + "\n".join(out) + "\n.fi\n"


def page(name, summary, text, see_also):
    title = name.upper()
    return (
        '.TH %s 1 "" "kyso %s" "kyso manual"\n' % (title, version)
        + ".SH NAME\n%s \\- %s\n" % (name.replace("-", "\\-"), summary.replace("-", "\\-"))
        + ".SH DESCRIPTION\n" + roff_block(text)
        + ".SH SEE ALSO\n" + ", ".join("\\fB%s\\fR(1)" % s.replace("-", "\\-") for s in see_also)
        + "\n")


top = help_text([])
commands = command_list(top)  # (command, summary) from the "Commands:" list of kyso --help
if not commands:
    sys.exit("make-man: no command list in `kyso --help`")
os.makedirs(outdir, exist_ok=True)
names = ["kyso-" + c for c, _ in commands]
with open(os.path.join(outdir, "kyso.1"), "w", encoding="utf-8") as f:
    f.write(page("kyso", "digital signatures for official documents", top, names))
for command, summary in commands:
    with open(os.path.join(outdir, "kyso-%s.1" % command), "w", encoding="utf-8") as f:
        f.write(page("kyso-" + command, summary, help_text([command]), ["kyso"]))
if gui:
    with open(os.path.join(outdir, "kyso-gui.1"), "w", encoding="utf-8") as f:
        f.write(page("kyso-gui", "the kyso app: sign, verify, tokens and the register",
                     help_text([], gui), ["kyso"]))
