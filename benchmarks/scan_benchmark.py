"""What the pack costs on top of Checkov: wall time and peak memory on a synthetic AI-workload corpus.

    python benchmarks/scan_benchmark.py                 # N = 500, 2000, 5000
    python benchmarks/scan_benchmark.py --sizes 200 --repeat 1

For each N the script writes a deterministic Terraform corpus of N resources (50 per module directory; a
mix of S3 buckets and their settings, KMS keys, SageMaker notebooks, domains and models, security groups,
IAM policies and attachments, ECS task definitions; about a third misconfigured) and times three Checkov
runs, each in a fresh process so that memory is measured per run:

    a  built-in checks only
    b  built-in checks plus the pack
    c  the pack alone (--check 'CKV_AISEC_*,CKV2_AISEC_*')
    d  the pack alone through ``aisec-iac scan``

It prints the median wall time, the peak resident memory (max RSS of the process), and b/a. Figures depend
on the machine; run it on an idle one. a to c run the ``checkov`` command, which writes every debug record of
every check evaluation into an in-memory buffer (checkov/logging_init.py), a cost that grows with the number
of checks; ``aisec-iac scan`` (d) raises the log level first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

CHECKS_DIR = Path(__file__).resolve().parents[1] / "policies" / "checkov_checks"
PER_MODULE = 50


def _bucket(i: int) -> str:
    secure = i % 3 != 0
    kms = f'sse_algorithm = "aws:kms"\n      kms_master_key_id = aws_kms_key.k{i}.arn'
    sse = kms if secure else 'sse_algorithm = "AES256"'
    return f"""
resource "aws_kms_key" "k{i}" {{
  enable_key_rotation = {"true" if secure else "false"}
}}
resource "aws_s3_bucket" "b{i}" {{
  bucket = "bench-training-data-{i}"
}}
resource "aws_s3_bucket_server_side_encryption_configuration" "b{i}" {{
  bucket = aws_s3_bucket.b{i}.id
  rule {{
    apply_server_side_encryption_by_default {{
      {sse}
    }}
  }}
}}
resource "aws_s3_bucket_public_access_block" "b{i}" {{
  bucket                  = aws_s3_bucket.b{i}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = {"true" if secure else "false"}
}}
"""


def _notebook(i: int) -> str:
    access = "Disabled" if i % 3 else "Enabled"
    return f"""
resource "aws_sagemaker_notebook_instance" "n{i}" {{
  name                   = "bench-{i}"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0123456789abcdef0"
  direct_internet_access = "{access}"
}}
resource "aws_sagemaker_model" "m{i}" {{
  name                     = "bench-{i}"
  execution_role_arn       = "arn:aws:iam::111122223333:role/model"
  enable_network_isolation = {"true" if i % 3 else "false"}
  primary_container {{
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/model:{i}"
  }}
}}
"""


def _security_group(i: int) -> str:
    cidr = "10.0.0.0/8" if i % 3 else "0.0.0.0/0"
    return f"""
resource "aws_security_group" "sg{i}" {{
  name   = "bench-{i}"
  vpc_id = "vpc-0123456789abcdef0"
  ingress {{
    from_port   = 8888
    to_port     = 8888
    protocol    = "tcp"
    cidr_blocks = ["{cidr}"]
  }}
}}
"""


def _iam(i: int) -> str:
    action = "s3:GetObject" if i % 3 else "s3:*"
    return f"""
resource "aws_iam_role_policy" "p{i}" {{
  name = "bench-{i}"
  role = "bench-role-{i}"
  policy = jsonencode({{
    Version   = "2012-10-17"
    Statement = [{{ Effect = "Allow", Action = "{action}", Resource = "*" }}]
  }})
}}
resource "aws_iam_role_policy_attachment" "a{i}" {{
  role       = "bench-role-{i}"
  policy_arn = "arn:aws:iam::aws:policy/{"ReadOnlyAccess" if i % 3 else "AdministratorAccess"}"
}}
"""


def _task(i: int) -> str:
    user = '"1000"' if i % 3 else '"root"'
    return f"""
resource "aws_ecs_task_definition" "t{i}" {{
  family = "bench-{i}"
  container_definitions = jsonencode([{{
    name  = "server"
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/server:{i}"
    user  = {user}
  }}])
}}
"""


# Each generator writes a block of resources; the number each one adds keeps the count exact.
GENERATORS: list[tuple[int, Callable[[int], str]]] = [
    (4, _bucket),
    (2, _notebook),
    (1, _security_group),
    (2, _iam),
    (1, _task),
]


def write_corpus(root: Path, size: int) -> int:
    """N resources in modules of about PER_MODULE resources; returns the count written."""
    written, block, module, text = 0, 0, 0, []
    while written < size:
        count, generate = GENERATORS[block % len(GENERATORS)]
        text.append(generate(block))
        written += count
        block += 1
        if sum(1 for part in text for line in part.splitlines() if line.startswith("resource ")) >= PER_MODULE:
            _write_module(root, module, text)
            module, text = module + 1, []
    if text:
        _write_module(root, module, text)
    return written


def _write_module(root: Path, index: int, parts: list[str]) -> None:
    directory = root / f"module_{index:03d}"
    directory.mkdir(parents=True)
    (directory / "main.tf").write_text("".join(parts), encoding="utf-8")


def checkov_command(corpus: Path, variant: str) -> list[str]:
    if variant == "d":
        aisec_iac = shutil.which("aisec-iac", path=str(Path(sys.executable).parent)) or "aisec-iac"
        return [aisec_iac, "scan", str(corpus), "-o", "json", "--soft-fail"]
    checkov = shutil.which("checkov", path=str(Path(sys.executable).parent)) or "checkov"
    command = [checkov, "-d", str(corpus), "--framework", "terraform", "--skip-download", "--quiet", "-o", "json"]
    if variant in ("b", "c"):
        command += ["--external-checks-dir", str(CHECKS_DIR)]
    if variant == "c":
        command += ["--check", "CKV_AISEC_*,CKV2_AISEC_*"]
    return command


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of one run in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"checkov failed ({process.returncode}): {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant; the median is reported")
    options = parser.parse_args()

    print(f"{'N':>6} {'a: built-in':>16} {'b: built-in+pack':>18} {'c: pack only':>16} {'d: aisec-iac':>16} {'b/a':>6}")
    print(f"{'':>6} {'s / MiB':>16} {'s / MiB':>18} {'s / MiB':>16} {'s / MiB':>16}")
    for size in options.sizes:
        with tempfile.TemporaryDirectory(prefix="aisec-bench-") as scratch:
            corpus = Path(scratch)
            count = write_corpus(corpus, size)
            figures = {}
            for variant in ("a", "b", "c", "d"):
                runs = [measure(checkov_command(corpus, variant)) for _ in range(options.repeat)]
                figures[variant] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs))
        cells = [f"{figures[v][0]:7.1f} / {figures[v][1]:5.0f}" for v in ("a", "b", "c", "d")]
        ratio = figures["b"][0] / figures["a"][0]
        print(f"{count:>6} {cells[0]:>16} {cells[1]:>18} {cells[2]:>16} {cells[3]:>16} {ratio:6.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
