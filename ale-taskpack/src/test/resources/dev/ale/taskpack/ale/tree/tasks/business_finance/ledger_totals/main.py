"""Fixture for the ALE SDK: a Windows task graded by a script main.py uploads and runs on the VM."""

import json
import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import cua_bench as cb

if __name__ not in sys.modules:
    sys.modules[__name__] = sys.modules.get(__name__, type(sys)(__name__))

from tasks.common_config import GeneralTaskConfig
from tasks.common_setup import BaseTaskSetup

_setup = BaseTaskSetup()
logger = logging.getLogger(__name__)
SCRIPTS_DIR = Path(__file__).resolve().parent / "scripts"
EVAL_TMP = r"C:\Users\User\AppData\Local\Temp\ale_eval\ledger_totals"


@dataclass
class LedgerConfig(GeneralTaskConfig):
    DOMAIN_NAME: str = "business_finance"
    TASK_NAME: str = "ledger_totals"
    VARIANT_NAME: str = "base"

    def to_metadata(self):
        meta = super().to_metadata()
        meta["totals_file"] = rf"{self.remote_output_dir}\totals.json"
        return meta


config = LedgerConfig()


@cb.tasks_config(split="train")
def load():
    return [cb.Task(description="ledger", metadata=config.to_metadata(), computer={"provider": "computer"})]


@cb.setup_task(split="train")
async def start(task_cfg, session):
    await _setup(task_cfg, session)


@cb.evaluate_task(split="train")
async def evaluate(task_cfg, session) -> list[float]:
    meta = task_cfg.metadata
    if not await session.exists(meta["totals_file"]):
        logger.error("missing %s", meta["totals_file"])
        return [0.0]
    try:
        await session.makedirs(EVAL_TMP)
        script = rf"{EVAL_TMP}\score_outputs.py"
        await session.write_file(script, (SCRIPTS_DIR / "score_outputs.py").read_text(encoding="utf-8"))
        command = subprocess.list2cmdline(
            ["python", script, "--pred-dir", meta["remote_output_dir"], "--gt-dir", meta["reference_dir"]])
        result = await session.run_command(command, check=False)
        report = json.loads(result["stdout"].strip().splitlines()[-1])
    except Exception as exc:
        logger.exception("evaluation failed: %s", exc)
        return [0.0]
    return [float(report["total_score"]) / 100.0]
