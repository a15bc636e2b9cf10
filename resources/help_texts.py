"""What the build's generators and the help test read from the built programs' help texts
(resources/man/make-man.py, resources/completion/make-completion.py,
tests/cli/help_language_test.py): one way to run a program for its help, one reading of a
"Commands:" list and of the subcommands under a command."""
import os
import re
import subprocess

ENV = dict(os.environ, KYSO_LANG="en", LANG="C.UTF-8", LC_ALL="C.UTF-8",
           QT_QPA_PLATFORM="offscreen")


def run_help(program, args):
    """(exit code, stdout, stderr) of `program ARGS --help`, in English. argv[0] is the bare name:
    programs that print it (Qt's help) must not print a build path."""
    r = subprocess.run([os.path.basename(program)] + args + ["--help"], executable=program,
                       env=ENV, capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout, r.stderr


def command_list(text):
    """[(word, summary)] from the lines under "Commands:", up to the first blank line."""
    found, in_list = [], False
    for line in text.split("\n"):
        if line.strip() == "Commands:":
            in_list = True
            continue
        if in_list:
            if not line.startswith("  ") or not line.strip():
                break
            word, _, summary = line.strip().partition(" ")
            found.append((word, summary.strip()))
    return found


def subcommands(command, text):
    """The words after `kyso COMMAND`: a Commands: list, "kyso CMD a|b|c", or a list of lines
    "  word ..." under a usage line naming SUBCOMMAND."""
    subs = [word for word, _ in command_list(text)]
    lines = text.split("\n")
    if subs:
        return subs
    m = re.search(r"[Uu]sage: kyso %s ([a-z-]+(?:\|[a-z-]+)+)" % re.escape(command), text)
    if m:
        return m.group(1).split("|")
    if re.search(r"usage: kyso %s .*SUBCOMMAND" % re.escape(command), lines[0] if lines else ""):
        for line in lines[1:]:
            m = re.match(r"^  ([a-z][a-z-]+)\s", line)
            if m:
                subs.append(m.group(1))
            subs += re.findall(r"\|\s+([a-z][a-z-]+)\s", line)
    if not subs and " " in command:  # "usage: kyso inventory unit add ...", "       ... show ..."
        for line in lines:
            m = re.match(r"^\s*(?:[Uu]sage: )?kyso %s ([a-z][a-z-]*)(?=\s|$)" % re.escape(command),
                         line)
            if m and m.group(1) not in subs:
                subs.append(m.group(1))
    return subs
