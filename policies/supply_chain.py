"""Model supply chain: one home for the judgments the supply-chain rules share.

* ``judge_image``: is a container image pinned? By digest (``@sha256:<64 hex>``, any registry: the content is
  fixed), or by an explicit tag other than ``latest`` in a private ECR registry of an AWS account
  (``<12 digits>.dkr.ecr.<region>.amazonaws.com[.cn]/<repo>:<tag>``, which includes the AWS-owned accounts
  that publish SageMaker's prebuilt framework images, such as 763104351884 for Deep Learning Containers).
  ``latest``, no tag, and a tag on any other registry (Docker Hub, ghcr.io, public.ecr.aws, quay.io, nvcr.io,
  a self-hosted registry) fail: a tag there can be moved to other content by whoever controls that registry.
* ``remote_code_variable`` and ``remote_code_in_command``: does an environment variable or a command line
  let the model server run Python code shipped with the model (``trust_remote_code``)?
* ``hub_model_variable``: does an environment variable make the model server download its weights from the
  Hugging Face Hub at start-up?

Each answer is a ``Result`` naming the setting, or ``None`` when the setting says nothing about the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from policies.model import Result, as_bool, failed, is_reference, is_unresolved, is_unset, passed, unknown

# -- images -------------------------------------------------------------------------------------------------

_DIGEST = re.compile(r"@sha256:[0-9a-f]{64}$")
_PRIVATE_ECR = re.compile(r"^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$")
_PUBLIC_REGISTRIES = {
    "docker.io": "Docker Hub",
    "index.docker.io": "Docker Hub",
    "registry-1.docker.io": "Docker Hub",
    "ghcr.io": "GitHub Container Registry",
    "public.ecr.aws": "ECR Public",
    "quay.io": "Quay",
    "nvcr.io": "NVIDIA NGC",
    "registry.k8s.io": "registry.k8s.io",
    "gcr.io": "Google Container Registry",
    "mcr.microsoft.com": "Microsoft Container Registry",
}
_TAG = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")


def _registry(image: str) -> tuple[str, str]:
    """(registry host, rest): the first path component is a registry when it has a dot, a port or is localhost."""
    first, slash, rest = image.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        return first.lower(), rest
    return "docker.io", image


def _tag(path: str) -> str | None:
    """The tag of ``repo/name:tag`` (after the last ``:`` of the last path component), ``None`` without one."""
    last = path.rsplit("/", 1)[-1]
    return last.rpartition(":")[2] if ":" in last else None


def judge_image(image: Any, where: str) -> Result:
    """Is ``image`` pinned? ``where`` says whose image it is in reasons (``container 'llm'``, ``FROM at line 3``)."""
    if is_unset(image):
        return unknown(f"{where} names no image")
    if not isinstance(image, str):
        return unknown(f"{where}: the image is not a string ({type(image).__name__})")
    text = image.strip()
    if _DIGEST.search(text):
        return passed(f"{where} pins its image by digest")
    if is_unresolved(text) or is_reference(text) or "$" in text:  # ${VAR}, $(VAR), $VAR: filled in at deploy
        return unknown(f"{where}: the image is not known at plan time ({text})")
    if any(char.isspace() for char in text) or not text:
        return unknown(f"{where}: {text!r} is not an image reference")
    if text.startswith("ko://"):
        return unknown(f"{where}: {text} is a ko build path; ko replaces it with the image it publishes, by digest")
    if "@" in text:
        return failed(f"{where}: image {text} has a digest that is not sha256 with 64 hex digits")
    registry, path = _registry(text)
    tag = _tag(path)
    if tag is None:
        return failed(f"{where}: image {text} has no tag, so it means :latest, whatever that is when it is pulled")
    if not _TAG.match(tag):
        return unknown(f"{where}: image {text} has a tag that is not a valid tag")
    if tag == "latest":
        return failed(f"{where}: image {text} is tagged latest, which moves to whatever was pushed last")
    if _PRIVATE_ECR.match(registry):
        return passed(f"{where}: image {text} comes from a private ECR registry with the explicit tag {tag}")
    public = _PUBLIC_REGISTRIES.get(registry)
    kind = f"the public registry {public}" if public else f"the registry {registry}, outside the account's ECR"
    return failed(
        f"{where}: image {text} comes from {kind} by the tag {tag}, which its publisher can move; pin it by "
        "digest or copy it into a private ECR repository"
    )


# -- code shipped with models ---------------------------------------------------------------------------------

# TRUST_REMOTE_CODE (TGI), OPTION_TRUST_REMOTE_CODE (LMI/DJL), HF_MODEL_TRUST_REMOTE_CODE and
# HF_TRUST_REMOTE_CODE (LMI and Hugging Face containers), SM_VLLM_TRUST_REMOTE_CODE (SageMaker's vLLM image)...
_REMOTE_CODE_VARIABLE = re.compile(r"^(?:[A-Z0-9]+_)*TRUST_REMOTE_CODE$")
_ON = {"1", "yes", "on", "y"}
_OFF = {"0", "no", "off", "n", ""}


def _switch(value: Any) -> bool | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0
    flag = as_bool(value)
    if flag is not None:
        return flag
    if isinstance(value, str):
        word = value.strip().strip("\"'").lower()
        if word in _ON or word == "true":
            return True
        if word in _OFF or word == "false":
            return False
    return None


def remote_code_variable(name: Any, value: Any, where: str) -> Result | None:
    """The verdict for one environment variable, ``None`` when it is not a remote-code switch."""
    if not isinstance(name, str) or not _REMOTE_CODE_VARIABLE.match(name.strip().upper()):
        return None
    name = name.strip()
    if value is None:
        return passed(f"{where}: {name} is not set")
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{where}: {name} is not known at plan time ({value})")
    switch = _switch(value)
    if switch is None:
        return unknown(f"{where}: {name} is {value!r}, which is not a boolean")
    if switch:
        return failed(f"{where}: {name}={value} lets the model server run Python code shipped with the model")
    return passed(f"{where}: {name} is off")


# --trust-remote-code (vLLM, TGI's launcher, SGLang), --trust_remote_code (argparse scripts); an "=false" value
# turns it off, and "--no-trust-remote-code" is not it.
_FLAG = re.compile(r"(?<![\w-])--trust[-_]remote[-_]code(?![\w-])(?:\s*=\s*[\"']?(?P<value>[A-Za-z0-9]+))?", re.I)
# trust_remote_code=True (Python), "trust_remote_code": true (JSON), option.trust_remote_code=true
# (serving.properties), TRUST_REMOTE_CODE=1 (a shell assignment).
_SETTING = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_.])*trust_remote_code[\"']?\s*[=:]\s*[\"']?(?P<value>[A-Za-z0-9]+)", re.I
)


def remote_code_in_command(parts: Iterable[Any], where: str) -> Result | None:
    """The verdict for a command line (a list of words or one string), ``None`` when it has no such switch.

    A word the engine could not resolve (``var.args``) gives UNKNOWN when no switch is found: it may hold one.
    """
    words = [part for part in parts if part is not None]
    text = " ".join(str(word) for word in words if isinstance(word, (str, int, float)))
    for pattern in (_FLAG, _SETTING):
        for match in pattern.finditer(text):
            value = match.group("value")
            if value is None or _switch(value) is not False:
                shown = match.group(0).strip()
                return failed(f"{where}: {shown} lets the model server run Python code shipped with the model")
    if any(is_unresolved(word) for word in words if isinstance(word, str)):
        return unknown(f"{where}: part of the command is not known at plan time")
    return None


# -- weights from a public hub --------------------------------------------------------------------------------

# HF_MODEL_ID: the Hugging Face inference, TGI and LMI containers on SageMaker; OPTION_MODEL_ID: LMI (DJL
# Serving); MODEL_ID: TGI's launcher. A Hub repository ID ("org/name", or a bare legacy name for the first two)
# is downloaded at start-up; a local path (/opt/ml/model, where SageMaker puts model_data) or s3:// is not.
_HUB_VARIABLES = {"HF_MODEL_ID", "OPTION_MODEL_ID", "MODEL_ID"}
_HUB_REPOSITORY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$")


def hub_model_variable(name: Any, value: Any, where: str) -> Result | None:
    """FAIL when the variable names a Hub repository to download, UNKNOWN when its value is unresolved, PASS
    for a local path or S3 URI, ``None`` when the variable is not one that names a model."""
    if not isinstance(name, str) or name.strip().upper() not in _HUB_VARIABLES:
        return None
    name = name.strip()
    if is_unset(value):
        return None
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{where}: {name} is not known at plan time ({value})")
    if not isinstance(value, str):
        return unknown(f"{where}: {name} is not a string")
    text = value.strip()
    if text.startswith(("/", "s3://", "file://", "./")):
        return passed(f"{where}: {name} loads the model from {text}")
    bare = "/" not in text
    if not _HUB_REPOSITORY.match(text) or (bare and name.upper() == "MODEL_ID"):
        return unknown(f"{where}: {name}={text} is not a Hugging Face Hub repository ID")
    return failed(f"{where}: {name}={text} downloads the model's weights from the Hugging Face Hub at start-up")


def remote_code_in_environment(pairs: Iterable[tuple[Any, Any]], where: str) -> list[Result]:
    """The verdicts for an environment: each remote-code switch, and each literal value that is itself a command
    line holding one (``VLLM_ARGS="--trust-remote-code"``)."""
    results: list[Result] = []
    for name, value in pairs:
        result = remote_code_variable(name, value, where)
        if result is None and isinstance(value, str) and not is_unresolved(value):
            result = remote_code_in_command([value], f"{where}: {name}")
        if result is not None:
            results.append(result)
    return results
