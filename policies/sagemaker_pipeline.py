"""SageMaker pipeline definitions (``aws_sagemaker_pipeline.pipeline_definition``): the jobs their steps start.

A definition is JSON: ``Parameters`` (``Name``, ``Type``, ``DefaultValue``) and ``Steps`` (``Name``, ``Type``,
``Arguments``), where ``Arguments`` is the request of the API the step calls (CreateTrainingJob,
CreateProcessingJob, CreateHyperParameterTuningJob, CreateTransformJob). Condition steps hold further steps in
``IfSteps`` and ``ElseSteps``. A value may be ``{"Get": "Parameters.X"}``: the parameter's default is read from
``Parameters`` (an execution may override it); without a default, or when the value comes from another step or
the execution (``{"Get": "Steps..."}``, ``{"Std:Join": ...}``), it is ``Unresolved``.

The SageMaker pipeline rules judge each job with the same judgments as the standalone resources
(``policies.kms``, ``policies.sagemaker_values``); this module only finds and resolves the values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from policies.model import (
    NotJson,
    Resource,
    Result,
    Verdict,
    as_json,
    combine,
    is_reference,
    is_unresolved,
    is_unset,
    jsonencode_literal,
    passed,
    unknown,
)

TRAINING, PROCESSING, TUNING, TRANSFORM = "Training", "Processing", "Tuning", "Transform"
JOB_STEP_TYPES = (TRAINING, PROCESSING, TUNING, TRANSFORM)
_MAX_DEPTH = 20
# The attribute every verdict of a pipeline rule is about.
DEFINITION = "pipeline_definition"
_TOO_DEEP = "(condition steps nested too deeply)"


@dataclass(frozen=True)
class Unresolved:
    """A value the definition does not fix: the reason reads after the setting's name."""

    why: str


@dataclass(frozen=True)
class Job:
    """One job a step starts: ``kind`` is Training (also each training job of a Tuning step), Processing or
    Transform; ``where`` names the step (and the tuning job definition) for reasons."""

    kind: str
    where: str
    arguments: Mapping[str, Any]
    parameters: Mapping[str, Mapping[str, Any]]

    def value(self, path: str) -> Any:
        """The value at a dotted path of the job's request, with parameters resolved; ``None`` when absent."""
        node: Any = self.arguments
        walked: list[str] = []
        for key in path.split("."):
            node = resolve(node, self.parameters)
            if isinstance(node, Unresolved):
                return node
            if node is not None and not isinstance(node, Mapping):
                return Unresolved(f"cannot be read: {'.'.join(walked)} is not an object ({node!r})")
            node = node.get(key) if node is not None else None
            walked.append(key)
        return resolve(node, self.parameters)


def resolve(value: Any, parameters: Mapping[str, Mapping[str, Any]]) -> Any:
    """A pipeline expression resolved to its value, or ``Unresolved``; anything else is returned as it is."""
    if not isinstance(value, Mapping):
        return value
    if set(value) == {"Get"}:
        target = value.get("Get")
        if isinstance(target, str) and target.startswith("Parameters."):
            name = target[len("Parameters.") :]
            declared = parameters.get(name)
            if declared is None:
                return Unresolved(f"is the pipeline parameter {name}, which the definition does not declare")
            if "DefaultValue" not in declared:
                return Unresolved(f"is the pipeline parameter {name}, which has no default")
            return declared.get("DefaultValue")
        return Unresolved(f"is only known when the pipeline runs ({target!r})")
    if any(isinstance(key, str) and key.startswith("Std:") for key in value):
        return Unresolved(f"is computed when the pipeline runs ({', '.join(str(key) for key in value)})")
    return value


def read_definition(resource: Resource) -> Mapping[str, Any] | Result:
    """The pipeline's definition as a mapping, or an UNKNOWN result when it cannot be read."""
    raw = resource.get("pipeline_definition")
    if isinstance(raw, str) and isinstance(literal := jsonencode_literal(raw), Mapping):
        return literal
    if is_unset(raw):
        if not is_unset(resource.get("pipeline_definition_s3_location")):
            return unknown(
                "the pipeline definition is stored in S3 (pipeline_definition_s3_location): not readable",
                "pipeline_definition_s3_location",
            )
        return unknown("the pipeline has no pipeline_definition", DEFINITION)
    if isinstance(raw, str) and (is_unresolved(raw) or is_reference(raw)):
        return unknown(f"pipeline_definition is not known at plan time ({raw})", DEFINITION)
    try:
        definition = as_json(raw)
    except NotJson:
        return unknown("pipeline_definition is not JSON", DEFINITION)
    if not isinstance(definition, Mapping):
        return unknown(f"pipeline_definition is not a JSON object ({type(definition).__name__})", DEFINITION)
    return definition


def _parameters(definition: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    declared = definition.get("Parameters")
    return {
        item["Name"]: item
        for item in (declared if isinstance(declared, list) else [])
        if isinstance(item, Mapping) and isinstance(item.get("Name"), str)
    }


def _steps(steps: Any, depth: int = 0) -> list[Mapping[str, Any]]:
    """Every step, those inside Condition steps' IfSteps and ElseSteps included."""
    found: list[Mapping[str, Any]] = []
    if depth > _MAX_DEPTH:
        return [{"Type": _TOO_DEEP}]
    for step in steps if isinstance(steps, list) else []:
        if not isinstance(step, Mapping):
            continue
        found.append(step)
        arguments = step.get("Arguments")
        if step.get("Type") == "Condition" and isinstance(arguments, Mapping):
            for branch in ("IfSteps", "ElseSteps"):
                found.extend(_steps(arguments.get(branch), depth + 1))
    return found


def jobs(definition: Mapping[str, Any]) -> tuple[list[Job], list[Result]]:
    """The jobs of a definition's Training, Processing, Tuning and Transform steps, and UNKNOWN results for steps
    whose arguments cannot be read."""
    parameters = _parameters(definition)
    found: list[Job] = []
    problems: list[Result] = []
    for step in _steps(definition.get("Steps")):
        kind = step.get("Type")
        if kind == _TOO_DEEP:
            problems.append(unknown(f"Condition steps nest more than {_MAX_DEPTH} deep: the steps inside are not read"))
        if kind not in JOB_STEP_TYPES:
            continue
        where = f"step {step.get('Name', '(unnamed)')}"
        arguments = resolve(step.get("Arguments"), parameters)
        if not isinstance(arguments, Mapping):
            problems.append(unknown(f"{where}: Arguments cannot be read ({arguments!r})"))
            continue
        if kind != TUNING:
            found.append(Job(kind, where, arguments, parameters))
            continue
        definitions: list[tuple[str, Any]] = []
        if "TrainingJobDefinition" in arguments:
            definitions.append(("TrainingJobDefinition", arguments.get("TrainingJobDefinition")))
        many = arguments.get("TrainingJobDefinitions")
        for position, item in enumerate(many if isinstance(many, list) else []):
            definitions.append((f"TrainingJobDefinitions[{position}]", item))
        if not definitions:
            problems.append(unknown(f"{where}: the tuning step has no training job definition"))
        for name, item in definitions:
            item = resolve(item, parameters)
            if isinstance(item, Mapping):
                found.append(Job(TRAINING, f"{where} ({name})", item, parameters))
            else:
                problems.append(unknown(f"{where}: {name} cannot be read ({item!r})"))
    return found, problems


def judge_pipeline(resource: Resource, judge: Callable[[Job], Result | None], kinds: tuple[str, ...]) -> Result:
    """Judge every job of ``kinds`` (Training, Processing, Transform) in the pipeline; any FAIL wins.

    ``judge`` returns ``None`` for a job the requirement does not apply to. The verdict points at
    ``pipeline_definition``: the steps' settings are inside that one JSON attribute.
    """
    definition = read_definition(resource)
    if isinstance(definition, Result):
        return definition
    found, problems = jobs(definition)
    results = [result for job in found if job.kind in kinds if (result := judge(job)) is not None]
    results.extend(problems)
    if not results:
        return passed(f"the pipeline has no {', '.join(kinds).lower()} steps to judge", DEFINITION)
    verdict = combine(results, passed("no steps"))
    if verdict.verdict is Verdict.PASS:
        return passed("; ".join(result.reason for result in results), DEFINITION)
    return Result(verdict.verdict, verdict.reason, DEFINITION)


def in_step(job: Job, result: Result) -> Result:
    """The result with the step named first."""
    return Result(result.verdict, f"{job.where}: {result.reason}")


def unresolved_result(job: Job, name: str, value: Unresolved) -> Result:
    return unknown(f"{job.where}: {name} {value.why}")
