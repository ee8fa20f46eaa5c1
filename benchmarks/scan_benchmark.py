"""What the pack costs on top of Checkov: wall time and peak memory on a synthetic AI-workload corpus.

    python benchmarks/scan_benchmark.py                  # N = 500, 2000, 10000
    python benchmarks/scan_benchmark.py --quick          # N = 500, one run each
    python benchmarks/scan_benchmark.py --sizes 2000 --repeat 5

For each N the script writes a deterministic Terraform corpus of N resources (50 per module directory; a
mix of S3 buckets and their settings, KMS keys, SageMaker notebooks and models, security groups, IAM
policies and attachments, ECS task definitions; about a third misconfigured) and times, each run in a fresh
process so that memory is measured per run (``checkov`` always with ``--framework terraform --skip-download``):

    floor    ``checkov`` with ``--check`` naming no existing check: parsing and the graph, the engine's floor
    builtin  ``checkov`` with its built-in checks (a)
    both     ``checkov`` with the built-in checks plus the pack (b)
    pack     ``checkov`` with the pack alone (``--check 'CKV_AISEC_*,CKV2_AISEC_*'``)
    cli      ``aisec-iac scan`` of the corpus directory (the pack alone; the same input as ``checkov -d``)
    mods     ``aisec-iac scan --jobs 1`` of the module directories, as the pre-commit hook passes them
    mods-j2  the same with ``--jobs 2``: two modules at a time
    null     (only with ``--variants null``) the pack's checks registered as usual, each answering at once
             (benchmarks/null_pack): Checkov's own cost of running the pack's checks

It prints the median wall time and CPU time (user + system, the children's included) of ``--repeat`` runs
(``--repeat-large`` from 10,000 resources up), run round robin, the peak resident memory (``ru_maxrss`` of
the largest process), the load average before each size, and the ratios b/a and pack/floor (wall, CPU; and
memory), cli/pack (wall) and mods/mods-j2 (wall: what ``--jobs 2`` gains). Figures depend on the machine:
run it on an idle one; on a shared one, read the CPU-time ratios. The pack's modules are compiled to
bytecode first, as installing the package does.
"""

from __future__ import annotations

import argparse
import compileall
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


VARIANTS = ("floor", "builtin", "both", "pack", "cli", "mods", "mods-j2", "null")
NULL_PACK = Path(__file__).resolve().parent / "null_pack"
PACK_SOURCES = Path(__file__).resolve().parents[1] / "policies"
LARGE = 10_000


def checkov_command(corpus: Path, variant: str) -> list[str]:
    if variant == "cli":
        return [_executable("aisec-iac"), "scan", str(corpus), "-o", "json", "--soft-fail"]
    if variant in ("mods", "mods-j2"):
        modules = [str(path) for path in sorted(corpus.iterdir())]
        jobs = "2" if variant == "mods-j2" else "1"
        return [_executable("aisec-iac"), "scan", *modules, "-o", "json", "--soft-fail", "--jobs", jobs]
    command = [_executable("checkov"), "-d", str(corpus), "--framework", "terraform", "--skip-download"]
    command += ["--quiet", "-o", "json"]
    if variant in ("both", "pack"):
        command += ["--external-checks-dir", str(CHECKS_DIR)]
    if variant == "pack":
        command += ["--check", "CKV_AISEC_*,CKV2_AISEC_*"]
    if variant == "null":
        command += ["--external-checks-dir", str(NULL_PACK), "--check", "CKV_AISEC_*,CKV2_AISEC_*"]
    if variant == "floor":
        command += ["--check", "CKV_NO_SUCH_CHECK_0"]  # parse and build the graph, run no check
    return command


def _executable(name: str) -> str:
    return shutil.which(name, path=str(Path(sys.executable).parent)) or name


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one run in its own process.

    CPU time is what the run itself costs: on a machine shared with other work, wall time also counts the
    time the run waited for a core, and ratios of wall times are only as steady as the load.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"command failed ({process.returncode}): {' '.join(command)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def _load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


RATIOS = (  # (label, numerator, denominator, which figures: 0 wall, 1 CPU, 2 memory)
    ("b/a", "both", "builtin", (0, 1)),
    ("pack/floor", "pack", "floor", (0, 1)),
    ("mem p/f", "pack", "floor", (2,)),
    ("cli/pack", "cli", "pack", (0,)),
    ("jobs gain", "mods", "mods-j2", (0,)),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, LARGE])
    parser.add_argument("--quick", action="store_true", help="N = 500 only, one run per variant")
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant below 10,000; the median is shown")
    parser.add_argument("--repeat-large", type=int, default=1, help="runs per variant from 10,000 resources up")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS[:-1]))
    options = parser.parse_args()
    sizes, repeat = ([500], 1) if options.quick else (options.sizes, options.repeat)
    variants = options.variants
    compileall.compile_dir(PACK_SOURCES, quiet=1)  # an installed package has its bytecode; a checkout may not

    print(f"{'N':>6} {'runs':>4} {'load 1/5/15 min':>16} " + " ".join(f"{v:>19}" for v in variants), end="")
    print("".join(f" {label:>11}" for label, *_ in RATIOS))
    print(f"{'':>28}" + " ".join(f"{'wall/cpu s, MiB':>19}" for _ in variants), end="")
    print("".join(f" {'/'.join(('wall', 'cpu', 'mem')[i] for i in which):>11}" for *_, which in RATIOS))
    for size in sizes:
        runs = options.repeat_large if size >= LARGE and not options.quick else repeat
        with tempfile.TemporaryDirectory(prefix="aisec-bench-") as scratch:
            corpus = Path(scratch)
            count = write_corpus(corpus, size)
            load = _load()
            measured: dict[str, list[tuple[float, float, float]]] = {variant: [] for variant in variants}
            for _ in range(runs):  # round robin, so that a burst of load on a shared machine hits every variant
                for variant in variants:
                    measured[variant].append(measure(checkov_command(corpus, variant)))
            figures = {
                variant: (
                    statistics.median(m[0] for m in runs_of),
                    statistics.median(m[1] for m in runs_of),
                    max(m[2] for m in runs_of),
                )
                for variant, runs_of in measured.items()
            }
        cells = " ".join(f"{figures[v][0]:5.1f}/{figures[v][1]:5.1f} {figures[v][2]:4.0f}M" for v in variants)
        ratios = []
        for _, upper, lower, which in RATIOS:
            known = upper in figures and lower in figures
            ratios.append("/".join(f"{figures[upper][i] / figures[lower][i]:.2f}" for i in which) if known else "-")
        print(f"{count:>6} {runs:>4} {load:>16} {cells}" + "".join(f" {ratio:>11}" for ratio in ratios), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
