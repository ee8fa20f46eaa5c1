"""Regenerate an example folder's ``tfplan.json`` with a real ``terraform plan`` and ``terraform show -json``.

    python terraform_examples/plan_fixture.py terraform_examples/secure_ai_platform [name=value ...]

Needs the terraform CLI and the providers the folder uses, installed or reachable through a provider mirror
named in ``TF_CLI_CONFIG_FILE``. Nothing calls a cloud API: the AWS provider gets placeholder credentials and
skips every validation call, ``-refresh=false`` reads no state, and a plan that only creates resources needs
no API. Resources named ``unknown_*`` are left out (a plan always knows its variables; see
docs/writing-rules.md); ``name=value`` arguments give the plan's variables. The provider's configuration
expressions (the placeholder credentials) are removed from the output. Tests never run this script: they read
the committed fixtures.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROVIDER_BLOCK = """
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "placeholder"
  secret_key                  = "placeholder"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
"""
UNKNOWN_RESOURCE = re.compile(r'^resource "[^"]+" "unknown_')


def without_unknown_cases(text: str) -> str:
    """Drop top-level ``resource "..." "unknown_*"`` blocks (header line to the first line that is ``}``)."""
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        if UNKNOWN_RESOURCE.match(line):
            skipping = True
        if not skipping:
            kept.append(line)
        elif line.rstrip() == "}":
            skipping = False
    return "".join(kept)


def terraform(work: Path, *args: str) -> str:
    env = {**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1", "AWS_EC2_METADATA_DISABLED": "true"}
    result = subprocess.run(["terraform", *args], cwd=work, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"terraform {args[0]} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def main() -> int:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    source = Path(sys.argv[1]).resolve()
    variables = [f"-var={argument}" for argument in sys.argv[2:]]
    with tempfile.TemporaryDirectory(prefix="aisec-plan-") as scratch:
        work = Path(scratch) / source.name
        # the whole folder: local modules and terraform.tfvars come along
        shutil.copytree(source, work, ignore=shutil.ignore_patterns("tfplan.json", ".terraform*"))
        for tf_file in work.glob("*.tf"):
            text = tf_file.read_text(encoding="utf-8")
            text = re.sub(r'(?ms)^provider "aws" \{.*?^\}\n', "", text)  # replaced by PROVIDER_BLOCK
            (work / tf_file.name).write_text(without_unknown_cases(text), encoding="utf-8")
        (work / "zz_provider.tf").write_text(PROVIDER_BLOCK, encoding="utf-8")
        terraform(work, "init", "-input=false", "-no-color")
        terraform(work, "plan", "-input=false", "-no-color", "-refresh=false", "-out=plan.bin", *variables)
        plan = json.loads(terraform(work, "show", "-json", "plan.bin"))
    for provider in plan.get("configuration", {}).get("provider_config", {}).values():
        provider.pop("expressions", None)
    (source / "tfplan.json").write_text(json.dumps(plan, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {source / 'tfplan.json'}")
    return 0


if __name__ == "__main__":
    shutil.which("terraform") or sys.exit("terraform is not on PATH")
    sys.exit(main())
