#!/usr/bin/env python3
"""Runs the evaluate(task_cfg, session) of an ALE task's main.py on local folders.

Written for the ALE SDK (standard library only). ALE grades most tasks in main.py: evaluate() reads
the agent's files through a cua_bench DesktopSession connected to the task's VM. This shim loads
main.py with stand-ins for cua_bench and ALE's tasks.* helpers, and gives evaluate() a session whose
file operations and commands work on the folders the SDK staged:

    <task dir>/output/**     -> --output     (a copy of the agent's output)
    <task dir>/reference/**  -> --reference  (the hidden reference, read-only)
    <task dir>/input/**      -> --input      (the task's inputs, read-only)
    any other absolute path  -> a scratch folder under --work

where <task dir> is ALE's task folder on the VM (E:\\agenthle\\<cluster>\\<task>\\<variant> on Windows,
/media/user/data/agenthle/<cluster>/<task>/<variant> on Linux).

Result, on standard output, one line of JSON:
    {"score": 0.75, "scores": [0.75], "summary": "..."}   exit 0: evaluate() returned
    (nothing)                                             exit 1: evaluate() raised (traceback on
                                                          stderr): the agent's failure, ALE's 0.0
    {"error": "..."}                                      exit 2: the shim cannot serve this task
                                                          (main.py does not load, a session call
                                                          or command it does not support)
"""

import argparse
import asyncio
import contextlib
import importlib.util
import inspect
import json
import logging
import math
import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
import traceback
import types
from dataclasses import dataclass

WINDOWS_ROOT = "E:\\agenthle"
LINUX_ROOT = "/media/user/data/agenthle"
AREAS = ("output", "reference", "input")
_MOUNT = re.compile(r"^(?:/agenthle|/media/user/data/agenthle)/[^/]+/[^/]+/[^/]+/(output|reference|input|software)(?:/(.*))?$")
_PYTHON = re.compile(r"^(?:python[0-9.]*|py|python_[a-z0-9_]+)(?:\.exe|\.bat|\.cmd|\.sh)?$")
_SHELLS = {"bash": "bash", "sh": "sh"}
_SHELL = {"&&", "||", "|", ";", "&", ">", ">>", "<", "2>", "2>&1", "1>", "|&"}


class Unsupported(BaseException):
    """A call the shim cannot serve. A BaseException, so that main.py's `except Exception` does not
    turn it into a silent 0.0."""


class Folders:
    """Maps the VM paths main.py uses onto local folders."""

    def __init__(self, output, reference, inputs, work):
        self.roots = {"output": os.path.abspath(output), "reference": os.path.abspath(reference),
                      "input": os.path.abspath(inputs)}
        self.scratch = os.path.join(os.path.abspath(work), "vm")
        os.makedirs(self.scratch, exist_ok=True)

    @staticmethod
    def virtual(path):
        s = os.fspath(path)
        if isinstance(s, bytes):
            s = s.decode("utf-8")
        s = s.replace("\\", "/")
        if re.match(r"^[A-Za-z]:", s):
            s = s[2:]
        if not s.startswith("/"):
            raise Unsupported("a relative path on the VM: %r (the shim maps absolute paths only)" % (path,))
        return posixpath.normpath("/" + s.lstrip("/"))

    def local(self, path):
        """The local path for a VM path, refusing one that leads out of its folder through a link."""
        v = self.virtual(path)
        m = _MOUNT.match(v)
        if m and m.group(1) == "software":
            raise Unsupported("%s: the task's software/ folder is not available to the shim" % (path,))
        if m:
            root, rest = self.roots[m.group(1)], m.group(2) or ""
        else:
            root, rest = self.scratch, v.lstrip("/")
        target = os.path.join(root, *[p for p in rest.split("/") if p]) if rest else root
        real_root = os.path.realpath(root)
        real = os.path.realpath(target)
        if real != real_root and not real.startswith(real_root + os.sep):
            raise PermissionError("%s: leads out of its folder through a link" % (path,))
        return target

    def python_launcher(self, path):
        """Whether a VM path names one of the task's Python launchers (software/python.exe, python.sh, ...)."""
        try:
            m = _MOUNT.match(self.virtual(path))
        except Unsupported:
            return False
        return bool(m and m.group(1) == "software" and _PYTHON.match(posixpath.basename(m.group(2) or "").lower()))

    def looks_like_path(self, token):
        return bool(re.match(r"^(?:[A-Za-z]:[\\/]|/)", token))


def split_windows(command):
    """Splits a command line the way the Microsoft C runtime does (the inverse of list2cmdline)."""
    args, buf, quoted, have, i = [], [], False, False, 0
    while i < len(command):
        c = command[i]
        if c == "\\":
            j = i
            while j < len(command) and command[j] == "\\":
                j += 1
            n = j - i
            if j < len(command) and command[j] == '"':
                buf.append("\\" * (n // 2))
                if n % 2:
                    buf.append('"')
                    j += 1
                i, have = j, True
                continue
            buf.append("\\" * n)
            i, have = j, True
            continue
        if c == '"':
            quoted, have = not quoted, True
        elif c in " \t" and not quoted:
            if have:
                args.append("".join(buf))
                buf, have = [], False
        else:
            buf.append(c)
            have = True
        i += 1
    if have:
        args.append("".join(buf))
    return args


class CommandResult:
    """What cua-computer's interface.run_command returns."""

    def __init__(self, stdout, stderr, returncode):
        self.stdout, self.stderr, self.returncode = stdout, stderr, returncode


class Interface:
    """session.interface: the cua-computer file and command calls graders use."""

    def __init__(self, session):
        self._s = session

    async def create_dir(self, path):
        await self._s.makedirs(path)

    async def write_text(self, path, text, append=False):
        local = self._s.folders.local(path)
        with open(local, "a" if append else "w", encoding="utf-8") as f:
            f.write(text)

    async def read_text(self, path):
        return await self._s.read_file(path)

    async def read_bytes(self, path):
        return await self._s.read_bytes(path)

    async def write_bytes(self, path, data):
        await self._s.write_bytes(path, data)

    async def file_exists(self, path):
        return await self._s.file_exists(path)

    async def directory_exists(self, path):
        return await self._s.directory_exists(path)

    async def list_dir(self, path):
        return await self._s.list_dir(path)

    async def delete_file(self, path):
        os.remove(self._s.folders.local(path))

    async def delete_dir(self, path):
        shutil.rmtree(self._s.folders.local(path))

    async def run_command(self, command):
        r = await self._s.run_command(command, check=False)
        return CommandResult(r["stdout"], r["stderr"], r["return_code"])

    def __getattr__(self, name):
        return _unsupported("session.interface." + name)


def _unsupported(what):
    def call(*args, **kwargs):
        raise Unsupported("%s is not supported by the ALE SDK's evaluate() shim" % what)

    return call


class Session:
    """A stand-in for cua_bench's DesktopSession over local folders."""

    def __init__(self, folders, work, timeout):
        self.folders = folders
        self.work = work
        self.timeout = timeout
        self.interface = Interface(self)
        self.computer = types.SimpleNamespace(interface=self.interface)

    async def exists(self, path):
        return self.folders.python_launcher(path) or os.path.exists(self.folders.local(path))

    async def file_exists(self, path):
        return self.folders.python_launcher(path) or os.path.isfile(self.folders.local(path))

    async def directory_exists(self, path):
        return os.path.isdir(self.folders.local(path))

    async def read_bytes(self, path):
        with open(self.folders.local(path), "rb") as f:
            return f.read()

    async def read_file(self, path, encoding="utf-8"):
        with open(self.folders.local(path), "r", encoding=encoding) as f:
            return f.read()

    async def write_file(self, path, content):
        if isinstance(content, bytes):
            return await self.write_bytes(path, content)
        local = self.folders.local(path)
        os.makedirs(os.path.dirname(local), exist_ok=True)
        with open(local, "w", encoding="utf-8") as f:
            f.write(content)

    async def write_bytes(self, path, data):
        local = self.folders.local(path)
        os.makedirs(os.path.dirname(local), exist_ok=True)
        with open(local, "wb") as f:
            f.write(data)

    async def makedirs(self, path):
        os.makedirs(self.folders.local(path), exist_ok=True)

    async def list_dir(self, path):
        return sorted(os.listdir(self.folders.local(path)))

    async def run_command(self, command, check=True, timeout=None):
        args = self._arguments(command)
        try:
            done = subprocess.run(args, cwd=self.work, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=timeout or self.timeout,
                                  env=dict(os.environ, PYTHONIOENCODING="utf-8"))
        except subprocess.TimeoutExpired as e:
            raise asyncio.TimeoutError("command timed out: %s" % (command,)) from e
        code = done.returncode
        return {"stdout": done.stdout.decode("utf-8", "replace"), "stderr": done.stderr.decode("utf-8", "replace"),
                "return_code": code, "returncode": code, "exit_code": code, "success": code == 0}

    def _arguments(self, command):
        if isinstance(command, (list, tuple)):
            tokens = [os.fspath(t) for t in command]
        elif "\\" in command or re.search(r"(?:^|[\s\"])[A-Za-z]:/", command):
            tokens = split_windows(command)
        else:
            tokens = shlex.split(command)
        if not tokens:
            raise Unsupported("session.run_command: an empty command")
        for t in tokens:
            if t in _SHELL:
                raise Unsupported("session.run_command: shell syntax (%r) in %r is not supported by the shim" % (t, command))
        program = re.split(r"[\\/]", tokens[0])[-1].lower()
        if _PYTHON.match(program):
            out = [sys.executable]
        elif program in _SHELLS and shutil.which(_SHELLS[program]):
            out = [shutil.which(_SHELLS[program])]
        else:
            raise Unsupported("session.run_command: the shim runs Python, bash and sh commands only, not %r in %r"
                              % (tokens[0], command))
        for t in tokens[1:]:
            m = re.match(r"^(--?[A-Za-z0-9_-]+=)(.*)$", t)
            if m and self.folders.looks_like_path(m.group(2)):
                out.append(m.group(1) + self.folders.local(m.group(2)))
            elif self.folders.looks_like_path(t):
                out.append(self.folders.local(t))
            else:
                out.append(t)
        return out

    def __getattr__(self, name):
        return _unsupported("session." + name)


# ---- stand-ins for the modules main.py imports ---------------------------------------------------

_registered = {}


def _registrar(kind):
    def decorator(*args, **kwargs):
        def wrap(fn):
            _registered[kind] = fn
            return fn

        if len(args) == 1 and callable(args[0]) and not kwargs:
            return wrap(args[0])
        return wrap

    return decorator


class Task:
    def __init__(self, description="", metadata=None, computer=None, **extra):
        self.description = description
        self.metadata = metadata if metadata is not None else {}
        self.computer = computer
        for k, v in extra.items():
            setattr(self, k, v)


def _module(name, **members):
    m = types.ModuleType(name)
    m.__dict__.update(members)
    sys.modules[name] = m
    return m


@dataclass
class GeneralTaskConfig:
    """ALE's task folder layout on a Windows VM (E:\\agenthle\\<domain>\\<task>\\<variant>)."""

    REMOTE_OUTPUT_DIR: str = "output"
    REMOTE_ROOT_DIR: str = WINDOWS_ROOT
    DOMAIN_NAME: str = ""
    TASK_NAME: str = ""
    VARIANT_NAME: str = ""
    OS_TYPE: str = "windows"
    REQUIRES_TASK_DATA: bool = True
    _SEP = "\\"  # the VM's path separator (a class attribute, not a field)

    @property
    def task_description(self):
        return ""

    @property
    def task_dir(self):
        return self._SEP.join([self.REMOTE_ROOT_DIR, self.DOMAIN_NAME, self.TASK_NAME, self.VARIANT_NAME])

    @property
    def input_dir(self):
        return self.task_dir + self._SEP + "input"

    @property
    def software_dir(self):
        return self.task_dir + self._SEP + "software"

    @property
    def remote_output_dir(self):
        return self.task_dir + self._SEP + self.REMOTE_OUTPUT_DIR

    @property
    def reference_dir(self):
        return self.task_dir + self._SEP + "reference"

    @property
    def required_credentials(self):
        return []

    def to_metadata(self):
        return {"domain_name": self.DOMAIN_NAME, "task_name": self.TASK_NAME, "variant_name": self.VARIANT_NAME,
                "requires_task_data": self.REQUIRES_TASK_DATA, "task_dir": self.task_dir,
                "input_dir": self.input_dir, "software_dir": self.software_dir,
                "remote_output_dir": self.remote_output_dir, "reference_dir": self.reference_dir}


@dataclass
class LinuxTaskConfig(GeneralTaskConfig):
    """ALE's task folder layout on a Linux VM (/media/user/data/agenthle/<domain>/<task>/<variant>)."""

    REMOTE_ROOT_DIR: str = LINUX_ROOT
    OS_TYPE: str = "linux"
    VARIANT_NAME: str = "base"
    _SEP = "/"

    @property
    def data_task_dir(self):
        return self.task_dir

    def to_metadata(self):
        meta = super().to_metadata()
        meta["data_task_dir"] = self.data_task_dir
        return meta


class BaseTaskSetup:
    async def __call__(self, task_cfg, session):
        return None

    async def setup(self, task_cfg, session):
        return None


def _return_code(result):
    values = []
    for name in ("return_code", "returncode", "exit_code", "rc"):
        v = result.get(name) if isinstance(result, dict) else getattr(result, name, None)
        if v is not None:
            values.append(v)
    if not values or any(type(v) is not int for v in values) or any(v != values[0] for v in values):
        return None
    return values[0]


def install_stand_ins():
    _module("cua_bench", Task=Task, DesktopSession=Session, tasks_config=_registrar("load"),
            setup_task=_registrar("setup"), evaluate_task=_registrar("evaluate"))
    tasks = _module("tasks")
    tasks.__path__ = []
    tasks.common_config = _module("tasks.common_config", GeneralTaskConfig=GeneralTaskConfig)
    tasks.linux_runtime = _module("tasks.linux_runtime", LinuxTaskConfig=LinuxTaskConfig, DATA_ROOT=LINUX_ROOT)
    tasks.common_setup = _module("tasks.common_setup", BaseTaskSetup=BaseTaskSetup)
    tasks.command_results = _module("tasks.command_results", extract_return_code=_return_code,
                                    is_exact_zero_return_code=lambda v: type(v) is int and v == 0,
                                    RETURN_CODE_ALIASES=("return_code", "returncode", "exit_code", "rc"))


# ---- running it -----------------------------------------------------------------------------------

class Refusal(Exception):
    pass


def load_main(path):
    task_dir = os.path.dirname(os.path.abspath(path))
    for p in (task_dir, os.path.join(task_dir, "scripts")):
        if os.path.isdir(p) and p not in sys.path:
            sys.path.insert(0, p)
    spec = importlib.util.spec_from_file_location("ale_task_main", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    except Unsupported:
        raise
    except BaseException as e:
        raise Refusal("main.py did not load: %s: %s" % (type(e).__name__, e)) from e
    evaluate = _registered.get("evaluate") or getattr(module, "evaluate", None)
    if evaluate is None:
        raise Refusal("main.py defines no evaluate(task_cfg, session)")
    load = _registered.get("load") or getattr(module, "load", None)
    task_cfg = Task()
    if load is not None:
        try:
            tasks = load()
        except BaseException as e:
            raise Refusal("main.py load() failed: %s: %s" % (type(e).__name__, e)) from e
        if tasks:
            task_cfg = list(tasks)[0]
    return evaluate, task_cfg


def score_of(value):
    raw = value
    if isinstance(value, dict):
        value = value.get("score", value.get("final_score"))
    if isinstance(value, (list, tuple)):
        if not value:
            raise Refusal("evaluate() returned an empty list of scores")
        value = value[0]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        raise Refusal("evaluate() returned %r, not a score" % (raw,))
    return float(value), raw


def main(argv=None):
    p = argparse.ArgumentParser(description="Runs an ALE task's main.py evaluate() on local folders.")
    p.add_argument("--main", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--reference", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--timeout", type=float, default=None, help="seconds for each command main.py runs")
    a = p.parse_args(argv)
    out = sys.stdout
    for name in ("REMOTE_ROOT_DIR", "OS_TYPE"):
        os.environ.pop(name, None)
    os.environ["REMOTE_OUTPUT_DIR"] = "output"
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    folders = Folders(a.output, a.reference, a.input, a.work)
    install_stand_ins()
    try:
        with contextlib.redirect_stdout(sys.stderr):
            evaluate, task_cfg = load_main(a.main)
            result = evaluate(task_cfg, Session(folders, a.work, a.timeout))
            if inspect.isawaitable(result):
                result = asyncio.new_event_loop().run_until_complete(result)
            score, raw = score_of(result)
    except (Unsupported, Refusal) as e:
        out.write(json.dumps({"error": str(e)}) + "\n")
        return 2
    except Exception:
        traceback.print_exc()
        return 1
    scores = list(raw) if isinstance(raw, (list, tuple)) else [score]
    out.write(json.dumps({"score": score, "scores": scores,
                          "summary": "main.py evaluate() returned %s" % json.dumps(raw, default=str)[:300]}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
