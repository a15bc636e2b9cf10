#!/usr/bin/env python3
"""make-completion.py KYSO OUT: bash completion for kyso, made at build time from the help texts the
built program prints (`kyso --help`, `kyso COMMAND --help`, `kyso COMMAND SUB --help`), as the
manual pages are (resources/man/make-man.py), so that it never offers a command or an option the
program does not have. It completes commands, subcommands, options, the values an option's help
lists ("B-B | B-T", "approved|issued", "known name (bit4id, ...)") and otherwise file names."""
import os
import re
import sys

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from help_texts import run_help, subcommands  # noqa: E402

kyso, out = sys.argv[1], sys.argv[2]

OPTION = re.compile(r"^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)(?: ([A-Za-z][\w|.-]*))?(?:\s+(.*))?$")
CHOICES = re.compile(r"^([\w.#-]+(?:\s*\|\s*[\w.#-]+)+)")
KNOWN = re.compile(r"known name \(([^)]*)\)")
WORDS = re.compile(r":\s+([a-z][\w-]*(?: \(default\))?(?:, [a-z][\w-]*(?: \(default\))?)+ or [a-z][\w-]*)\s*$")


def help_text(args):
    code, stdout, stderr = run_help(kyso, args)
    return code, stdout + stderr


def option_lines(text):
    """The help's lines with each option's wrapped help joined back onto its option line."""
    lines = []
    for line in text.split("\n"):
        if lines and OPTION.match(lines[-1]) and line.startswith(" " * 28) and line.strip():
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return lines


def options(text):
    """{option: [values]} from the help's option lines; None for a flag."""
    found = {}
    for line in option_lines(text):
        m = OPTION.match(line)
        if not m:
            continue
        name, value, desc = m.group(1), m.group(2), (m.group(3) or "").strip()
        if not value:
            found.setdefault(name, None)
            continue
        values = []
        if "|" in value and value.lower() == value:  # "--lang vi|en"
            values = value.split("|")
        c = CHOICES.match(desc)
        if c:
            values = [v.strip() for v in c.group(1).split("|")]
        w = WORDS.search(desc)  # "shipped anchors to trust: gov, public, all (default) or none"
        if w:
            values = re.findall(r"[a-z][\w-]*", w.group(1).replace("(default)", "").replace(" or ", ", "))
        k = KNOWN.search(desc)
        if k:
            values = [v.strip() for v in k.group(1).split(",")]
        found[name] = values
    return found


code, top = help_text([])
if code != 0:
    sys.exit("make-completion: `kyso --help` failed")
commands = subcommands("", top) or []
table = {"": options(top)}  # "" / "CMD" / "CMD SUB" -> options
subs = {}  # "CMD" / "CMD SUB" -> words that may follow
subs[""] = commands
for c in commands:
    _, text = help_text([c])
    table[c] = options(text)
    subs[c] = subcommands(c, text)
    for s in subs[c]:
        code, text = help_text([c, s])
        if code != 0:
            continue
        table[c + " " + s] = options(text)
        # "kyso inventory unit --help": "usage: kyso inventory unit add ...", "... show ..."
        below = subcommands(c + " " + s, text)
        if below:
            subs[c + " " + s] = below
        for s2 in subs.get(c + " " + s, []):
            code, text = help_text([c, s, s2])
            if code == 0:
                table[c + " " + s + " " + s2] = options(text)

if len(commands) < 5 or not table.get("sign"):
    sys.exit("make-completion: too little found in the help texts")


def quote(words):
    return "'" + " ".join(words).replace("'", "") + "'"


def key(path):
    """Bash keys start with "kyso" (an associative array has no empty key)."""
    return ("kyso " + path).strip()


lines = ["# bash completion for kyso: made from its help texts by resources/completion/",
         "# make-completion.py at build time; do not edit.",
         "declare -A _kyso_subs=(" + " ".join("[%s]=%s" % (quote([key(k)]), quote(v))
                                              for k, v in sorted(subs.items()) if v) + ")",
         "declare -A _kyso_opts=(" + " ".join("[%s]=%s" % (quote([key(k)]), quote(sorted(v)))
                                              for k, v in sorted(table.items()) if v) + ")"]
values, takes = {}, []
for path, opts in sorted(table.items()):
    for o, vals in sorted(opts.items()):
        if vals is not None:
            takes.append(key(path) + " " + o)
        if vals:
            values[key(path) + " " + o] = vals
lines.append("declare -A _kyso_values=(" + " ".join(
    "[%s]=%s" % (quote([k]), quote(v)) for k, v in sorted(values.items())) + ")")
lines.append("declare -A _kyso_takes=(" + " ".join("[%s]=1" % quote([t]) for t in takes) + ")")
lines.append(r'''
# The words typed so far that name a command and its subcommands decide what comes next; an
# option's value is skipped; global options (--lang) are known at every level.
_kyso() {
  local cur=${COMP_WORDS[COMP_CWORD]-} prev=${COMP_WORDS[COMP_CWORD-1]-} path=kyso i w
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ $w == -* ]]; then
      [[ -n ${_kyso_takes["$path $w"]-} || -n ${_kyso_takes["kyso $w"]-} ]] && ((i++))
      continue
    fi
    [[ " ${_kyso_subs[$path]-} " == *" $w "* ]] && path="$path $w"
  done
  if [[ $prev == -* && ( -n ${_kyso_takes["$path $prev"]-} || -n ${_kyso_takes["kyso $prev"]-} ) ]]; then
    local vals=${_kyso_values["$path $prev"]:-${_kyso_values["kyso $prev"]-}}
    if [[ -n $vals ]]; then
      mapfile -t COMPREPLY < <(compgen -W "$vals" -- "$cur")
    else
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
  elif [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${_kyso_opts[$path]-} ${_kyso_opts[kyso]-}" -- "$cur")
  elif [[ -n ${_kyso_subs[$path]-} ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${_kyso_subs[$path]-}" -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -o filenames -F _kyso kyso''')
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
