"""Fixture for the ALE SDK: a Linux task graded in-process from bytes read through the session."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from types import SimpleNamespace

try:
    import cua_bench as cb
except ModuleNotFoundError:  # pragma: no cover
    cb = SimpleNamespace(Task=dict, tasks_config=lambda **k: (lambda f: f), setup_task=lambda **k: (lambda f: f),
                         evaluate_task=lambda **k: (lambda f: f))

from tasks.common_setup import BaseTaskSetup
from tasks.linux_runtime import DATA_ROOT, LinuxTaskConfig

SCRIPTS_DIR = Path(__file__).resolve().parent / "scripts"
if str(SCRIPTS_DIR) not in sys.path:
    sys.path.insert(0, str(SCRIPTS_DIR))

import score_routes  # noqa: E402

_setup = BaseTaskSetup()
logger = logging.getLogger(__name__)


class RouteConfig(LinuxTaskConfig):
    def __init__(self):
        super().__init__(DOMAIN_NAME="computing_math", TASK_NAME="route_check", VARIANT_NAME="base")

    @property
    def task_dir(self) -> str:
        return f"{DATA_ROOT}/{self.DOMAIN_NAME}/{self.TASK_NAME}/{self.VARIANT_NAME}"

    def to_metadata(self):
        meta = super().to_metadata()
        meta["output_file"] = f"{self.remote_output_dir}/results.json"
        meta["reference_file"] = f"{self.reference_dir}/results.json"
        return meta


@cb.tasks_config(split="train")
def load():
    cfg = RouteConfig()
    return [cb.Task(description="routes", metadata=cfg.to_metadata(), computer={"provider": "computer"})]


@cb.evaluate_task(split="train")
async def evaluate(task_cfg, session) -> list[float]:
    meta = task_cfg.metadata
    if not await session.exists(meta["reference_file"]):
        raise RuntimeError(f"evaluator-controlled reference missing: {meta['reference_file']}")
    submission = json.loads((await session.read_bytes(meta["output_file"])).decode("utf-8-sig"))
    reference = json.loads((await session.read_bytes(meta["reference_file"])).decode("utf-8-sig"))
    report = score_routes.score_payload(submission, reference)
    logger.info("score report: %s", json.dumps(report))
    return [float(report["score"])]
