"""What the build's generators read from the built programs' help texts (resources/man/make-man.py,
resources/completion/make-completion.py): one way to run a program for its help, one reading of a
"Commands:" list."""
import os
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
