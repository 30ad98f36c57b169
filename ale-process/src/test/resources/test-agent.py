#!/usr/bin/env python3
# A persistent agent for the tests of PersistentCommandHarness: what it does with a task depends on
# the task's instruction, so each test can make it behave (or misbehave) as it needs.
import json
import os
import re
import stat
import subprocess
import sys
import time

kept = []


def hunt(ws):
    # look for other attempts' secrets: everywhere it can see, through directories it kept open from
    # earlier tasks, and up from those with ".."
    keep = os.path.join(ws, "keep")
    os.makedirs(keep, exist_ok=True)
    kept.append(os.open(keep, os.O_RDONLY | os.O_DIRECTORY))
    found = set()
    system = ("proc", "sys", "dev", "usr", "lib", "lib32", "lib64", "libx32", "bin", "sbin", "etc")

    def walk(top, depth):
        for root, dirs, files in os.walk(top):
            if os.path.realpath(root).split("/")[1] in system:
                dirs[:] = []
                continue
            if root.count("/") - top.count("/") >= depth:
                dirs[:] = []
            for name in files:
                path = os.path.join(root, name)
                try:
                    if stat.S_ISREG(os.stat(path, follow_symlinks=False).st_mode):
                        with open(path, "rb") as f:
                            found.update(re.findall(rb"SECRET-[A-Za-z0-9-]+", f.read(65536)))
                except OSError:
                    pass

    walk("/", 12)
    for fd in kept:
        walk("/proc/self/fd/%d" % fd, 6)
        current = fd
        for _ in range(8):
            try:
                current = os.open("..", os.O_RDONLY | os.O_DIRECTORY, dir_fd=current)
            except OSError:
                break
            walk("/proc/self/fd/%d" % current, 4)
    return " ".join(sorted(x.decode() for x in found))


hello_line = sys.stdin.readline()
hello = json.loads(hello_line)
print(json.dumps({"type": "ready", "protocol": hello["protocol"]}), flush=True)

for line in sys.stdin:
    task = json.loads(line)
    words = task["instruction"].split(" ", 1)
    what, rest = words[0], (words[1] if len(words) > 1 else "")
    ws = task["workspace"]

    def answer(**fields):
        print(json.dumps(dict(type="result", id=task["id"], **fields)), flush=True)

    if what == "crash":
        sys.stderr.write("about to crash on purpose\n")
        sys.stderr.flush()
        sys.exit(3)
    elif what == "hang":
        with open(os.path.join(ws, "pid.txt"), "w") as f:
            f.write(str(os.getpid()))
        time.sleep(3600)
    elif what == "raw":
        sys.stdout.write(rest.replace("{id}", str(task["id"])) + "\n")
        sys.stdout.flush()
    elif what == "big":
        sys.stdout.write("x" * (2 << 20) + "\n")
        sys.stdout.flush()
    elif what == "deaf":
        answer(status="done")
        time.sleep(3600)  # and never reads its input again
    elif what == "twice":
        answer(status="done")
        answer(status="done")
    elif what == "fail":
        answer(status="failed", message=rest)
    elif what == "barrier":
        # wait (at most a minute) until as many processes as asked have arrived, each in a task of its own
        os.makedirs(rest.split(" ")[1], exist_ok=True)
        open(os.path.join(rest.split(" ")[1], str(os.getpid())), "w").close()
        for _ in range(1200):
            if len(os.listdir(rest.split(" ")[1])) >= int(rest.split(" ")[0]):
                break
            time.sleep(0.05)
        with open(os.path.join(ws, "out.txt"), "w") as f:
            f.write(str(os.getpid()))
        answer(status="done")
    elif what == "hunt":
        seen = hunt(ws)
        with open(os.path.join(ws, "out.txt"), "w") as f:
            f.write(seen)
        answer(status="done")
    elif what == "spawn":
        subprocess.Popen(["sh", "-c", "sleep 1000", rest])
        answer(status="done")
    else:
        listing = sorted(os.listdir(ws))
        with open(os.path.join(ws, "out.txt"), "w") as f:
            f.write("%d %s %s" % (os.getpid(), os.getcwd(), os.environ.get("HOME")))
        sys.stderr.write("working on %s\n" % task["attempt"])
        answer(
            status="done",
            usage={"inputTokens": 12, "outputTokens": 5, "costUsd": 0.25},
            steps=[
                {"kind": "observation", "name": "hello", "text": hello_line.strip()},
                {"kind": "observation", "name": "task", "text": line.strip()},
                {"kind": "tool_call", "name": "ls", "text": " ".join(listing)},
            ],
        )
