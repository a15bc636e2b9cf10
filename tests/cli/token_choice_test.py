#!/usr/bin/env python3
"""token_choice_test.py KYSO: with two tokens plugged in (two initialised SoftHSM tokens), a
command run at a terminal lists them numbered and uses the one the person types (issue 17); a
wrong answer chooses nothing and says so; without a terminal the error lists both tokens. The
terminal is a real pseudo-terminal (pty.fork), as a person's is."""
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import time

kyso = sys.argv[1]
if not shutil.which("softhsm2-util"):
    if os.environ.get("CI") == "true":
        sys.exit("token_choice_test: softhsm2-util is missing")
    print("SKIPPED: softhsm2-util is not installed")
    sys.exit(0)

tmp = tempfile.mkdtemp(prefix="kyso-choice-")
os.makedirs(os.path.join(tmp, "tokens"))
conf = os.path.join(tmp, "softhsm2.conf")
with open(conf, "w") as f:
    f.write("directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n" % tmp)
env = dict(os.environ, SOFTHSM2_CONF=conf, HOME=tmp, KYSO_LANG="en", LANG="C.UTF-8",
           XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_DATA_HOME=os.path.join(tmp, "data"))
for label in ("Văn thư", "Lãnh đạo"):
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin",
                    "12345678", "--pin", "123456"], env=env, check=True, capture_output=True)
serials = {}
shown = subprocess.run(["softhsm2-util", "--show-slots"], env=env, check=True,
                       capture_output=True, text=True).stdout
label = None
for line in shown.splitlines():
    line = line.strip()
    if line.startswith("Serial number:"):
        serial = line.split(":", 1)[1].strip()
    if line.startswith("Label:") and line.split(":", 1)[1].strip():
        serials[line.split(":", 1)[1].strip()] = serial
assert set(serials) == {"Văn thư", "Lãnh đạo"}, shown

failures = []


def check(what, ok, text):
    if not ok:
        failures.append("%s:\n%s" % (what, text))


def at_terminal(args, answer):
    """Runs kyso on a pseudo-terminal, types `answer` when asked which token; (code, output)."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(kyso, [kyso] + args, env)
        finally:
            os._exit(127)
    out = b""
    typed = False
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if not typed and b"Which one?" in out:
            os.write(fd, answer.encode() + b"\n")
            typed = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


args = ["token", "info", "--no-login", "--module", "softhsm"]
code, out = at_terminal(args, "2")
if os.environ.get("KYSO_SHOW"): print(out)
check("the choice is offered", "Several tokens are plugged in:" in out and "1. " in out
      and "2. " in out and "Văn thư" in out and "Lãnh đạo" in out, out)
second = out.split("2. ", 1)[1].split(" (", 1)[0] if "2. " in out else ""
check("the chosen token is used", code == 0 and second in serials
      and serials[second] in out.split("Which one?", 1)[-1], "%d\n%s" % (code, out))
check("how to choose it next time", "--token " + serials.get(second, "?") in out, out)

code, out = at_terminal(args, "7")
check("a wrong number chooses nothing", code != 0 and "no token was chosen" in out,
      "%d\n%s" % (code, out))

# No terminal (a script, cron): nothing is asked, and the error names both tokens.
r = subprocess.run([kyso] + args, env=env, capture_output=True, text=True, timeout=60,
                   stdin=subprocess.DEVNULL, start_new_session=True)
check("without a terminal, the tokens are listed", r.returncode != 0
      and "Which one?" not in r.stdout + r.stderr and "More than one token" in r.stderr,
      "%d\n%s%s" % (r.returncode, r.stdout, r.stderr))

shutil.rmtree(tmp, ignore_errors=True)
if failures:
    sys.exit("token_choice_test:\n" + "\n".join(failures))
print("token_choice_test: ok")
