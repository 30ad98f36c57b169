#!/usr/bin/env python3
"""A minimal persistent agent for the ALE SDK (protocol 1; see docs/cli-agents.md).

    ale run samples/packs/sample --harness "cmd:python3 docs/examples/persistent-agent.py" --cmd-mode persistent

It starts once, answers the hello, then for each task line writes the instruction to out.txt in
the task's workspace (where a real agent would call its model and tools) and answers with one
JSON line. Logs go to stderr; stdout carries the protocol only.
"""
import json
import os
import sys


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


hello = json.loads(sys.stdin.readline())
if hello.get("type") != "hello" or hello.get("protocol") != 1:
    sys.exit("unexpected first line: %r" % hello)
send({"type": "ready", "protocol": 1})

for line in sys.stdin:  # one task per line; the end of stdin means the run is over
    task = json.loads(line)
    print("attempt %s, session %d of %d" % (task["attempt"], task["session"], task["sessions"]), file=sys.stderr)
    try:
        with open(os.path.join(task["workspace"], "out.txt"), "w") as out:
            out.write(task["instruction"] + "\n")
        send({
            "type": "result",
            "id": task["id"],
            "status": "done",
            "usage": {"inputTokens": 0, "outputTokens": 0, "costUsd": 0},
            "steps": [{"kind": "tool_call", "name": "write", "text": "out.txt"}],
        })
    except OSError as e:
        send({"type": "result", "id": task["id"], "status": "failed", "message": str(e)})
