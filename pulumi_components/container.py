"""``NonRootContainerService``: an ECS service for a model server that never runs as root."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v
from pulumi_components._plan import REGION, AisecComponent, JsonDocument, Plan
from pulumi_components.iam import LeastPrivilegeRole

_CONTAINER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$")
ECR_PULL_ACTIONS = ("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage")


@dataclass(frozen=True)
class ContainerSpec:
    """One container of the task.

    :param name: Container name (letters, digits, ``-`` and ``_``).
    :param image: Image URI, ideally ``<ModelRepository.repository_url>:<immutable tag>``. It must be pinned
        (CKV_AISEC_135): a digest (``@sha256:...``, any registry) or an explicit tag other than ``latest`` in a
        private ECR registry; ``latest``, no tag, and a tag on Docker Hub, ghcr.io or ECR Public are refused.
    :param user: The non-root user to run as: ``"<uid>"``, ``"<uid>:<gid>"`` or a user name that exists in
        the image (a number is taken as a UID). Required: ECS runs a container without ``user`` as root;
        ``root``, ``0`` and ``0:<gid>`` fail CKV_AISEC_10.
    :param port: The TCP port the server listens on (no port mapping when omitted).
    :param cpu: CPU units reserved for the container.
    :param memory: Hard memory limit (MiB).
    :param gpus: GPUs reserved for the container (``resourceRequirements`` GPU); needs an EC2 GPU capacity
        provider (``NonRootContainerService(gpu_capacity_provider=...)``).
    :param environment: Plain environment variables, never secrets: a credential-shaped value or a literal in a
        credential-named variable (``HF_TOKEN``, ``*_API_KEY``) fails CKV_AISEC_140, and a ``TRUST_REMOTE_CODE``
        switch turned on fails CKV_AISEC_131.
    :param command: Command override; ``--trust-remote-code`` fails CKV_AISEC_131 and a credential in it
        CKV_AISEC_140.
    :param scratch_paths: Writable scratch directories (task volumes) mounted into the otherwise read-only
        file system, e.g. ``["/tmp", "/home/app/.cache"]``.
    :param essential: Whether the task stops when this container stops.
    :param privileged: True fails CKV_AISEC_10; present so that the refusal is explicit.
    :param read_only_root_filesystem: False fails CKV_AISEC_105; use ``scratch_paths`` for the directories
        the server writes to.
    """

    name: str
    image: pulumi.Input[str]
    user: str | int | None
    port: int | None = None
    cpu: int | None = None
    memory: int | None = None
    gpus: int = 0
    environment: Mapping[str, str] = field(default_factory=dict)
    command: Sequence[str] | None = None
    scratch_paths: Sequence[str] = ()
    essential: bool = True
    privileged: bool = False
    read_only_root_filesystem: bool = True


def _spec(container: ContainerSpec | Mapping[str, Any]) -> ContainerSpec:
    if isinstance(container, ContainerSpec):
        return container
    if isinstance(container, Mapping):
        unknown_keys = set(container) - {f.name for f in fields(ContainerSpec)}
        if unknown_keys:
            raise ValueError(f"unknown container settings {sorted(unknown_keys)}")
        # A container without a user is described as it is: the catalog judges it (ECS runs it as root).
        return ContainerSpec(**{"user": None, **container})
    raise ValueError(f"a container is a ContainerSpec or a dict of its fields, got {container!r}")


def _validate_container(spec: ContainerSpec) -> None:
    """The shape of a container's settings; whom it runs as and with which privileges is the catalog's."""
    if not isinstance(spec.name, str) or not _CONTAINER_NAME.match(spec.name):
        raise ValueError(f"container name {spec.name!r} must be letters, digits, '-' and '_'")
    v.require_plain(spec.user, f"container {spec.name} user")
    if spec.user is not None and (isinstance(spec.user, bool) or not isinstance(spec.user, (str, int))):
        raise ValueError(f"container {spec.name}: user must be a string such as '1000:1000', got {spec.user!r}")
    for flag, what in ((spec.privileged, "privileged"), (spec.read_only_root_filesystem, "read_only_root_filesystem")):
        if not isinstance(flag, bool):
            raise ValueError(f"container {spec.name}: {what} must be True or False, got {flag!r}")
    for value, what in ((spec.port, "port"), (spec.cpu, "cpu"), (spec.memory, "memory")):
        if value is not None:
            v.validate_positive_int(value, f"container {spec.name} {what}")
    if spec.port is not None and spec.port > 65535:
        raise ValueError(f"container {spec.name} port {spec.port} is not a TCP port")
    if isinstance(spec.gpus, bool) or not isinstance(spec.gpus, int) or spec.gpus < 0:
        raise ValueError(f"container {spec.name} gpus must be a non-negative integer")
    for path in spec.scratch_paths:
        if not isinstance(path, str) or not path.startswith("/") or path == "/":
            raise ValueError(f"container {spec.name} scratch path {path!r} must be an absolute directory, not /")
    if not all(isinstance(key, str) and isinstance(value, str) for key, value in dict(spec.environment).items()):
        raise ValueError(f"container {spec.name} environment must map names to strings")


def _volume_name(container: str, index: int) -> str:
    return f"{container}-scratch-{index}"


def _definition(spec: ContainerSpec, log_group: Any, region: Any, stream_prefix: str) -> dict[str, Any]:
    definition: dict[str, Any] = {
        "name": spec.name,
        "image": spec.image,
        "essential": spec.essential,
        "user": str(spec.user) if isinstance(spec.user, int) else spec.user,
        "privileged": spec.privileged,
        "readonlyRootFilesystem": spec.read_only_root_filesystem,
        "linuxParameters": {"initProcessEnabled": True, "capabilities": {"drop": ["ALL"]}},
        "logConfiguration": {
            "logDriver": "awslogs",
            "options": {
                "awslogs-group": log_group,
                "awslogs-region": region,
                "awslogs-stream-prefix": stream_prefix,
            },
        },
    }
    if spec.port is not None:
        definition["portMappings"] = [{"containerPort": spec.port, "protocol": "tcp"}]
    if spec.cpu is not None:
        definition["cpu"] = spec.cpu
    if spec.memory is not None:
        definition["memory"] = spec.memory
    if spec.gpus:
        definition["resourceRequirements"] = [{"type": "GPU", "value": str(spec.gpus)}]
    if spec.environment:
        definition["environment"] = [{"name": key, "value": value} for key, value in sorted(spec.environment.items())]
    if spec.command is not None:
        definition["command"] = list(spec.command)
    if spec.scratch_paths:
        definition["mountPoints"] = [
            {"sourceVolume": _volume_name(spec.name, index), "containerPath": path, "readOnly": False}
            for index, path in enumerate(spec.scratch_paths)
        ]
    return definition


class NonRootContainerService(AisecComponent):
    """An ECS service (awsvpc, private subnets, no public IP) whose containers are non-root and locked down.

    Registers, as children:

    * ``log_group``: CloudWatch log group for the containers' ``awslogs`` driver, KMS-encrypted under
      ``log_key`` (a new rotating key whose policy admits CloudWatch Logs; CKV_AISEC_4) or ``log_kms_key_arn``;
    * ``execution_role``: a ``LeastPrivilegeRole`` for ECS to pull the images of ``image_repository_arns`` and
      write the logs; ``task_role`` (``None`` without ``task_role_statements``) for the application;
    * ``task_definition``: every container with a non-root ``user``, ``privileged`` false, a read-only root
      file system and all Linux capabilities dropped (CKV_AISEC_10), optional GPU requirements;
    * ``service``: in ``subnet_ids`` with ``assign_public_ip`` false, ECS Exec off, deployment circuit
      breaker with rollback. GPU tasks run on the caller's EC2 ``gpu_capacity_provider``; others on Fargate.
    """

    TYPE: ClassVar[str] = "aisec:ecs:NonRootContainerService"
    OUTPUTS: ClassVar[tuple[str, ...]] = ("service_name", "task_definition_arn")
    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_4",
        "CKV_AISEC_8",
        "CKV_AISEC_9",
        "CKV_AISEC_10",
        "CKV_AISEC_76",
        "CKV_AISEC_77",
        "CKV_AISEC_105",
        "CKV_AISEC_106",
        "CKV_AISEC_107",
        "CKV_AISEC_110",
        "CKV_AISEC_158",
        "CKV_AISEC_111",
        "CKV_AISEC_112",
        "CKV_AISEC_131",
        "CKV_AISEC_135",
        "CKV_AISEC_140",
        "CKV2_AISEC_30",
        "CKV2_AISEC_45",
    )

    log_key: aws.kms.Key | None
    log_group: aws.cloudwatch.LogGroup
    execution_role: LeastPrivilegeRole
    task_role: LeastPrivilegeRole | None
    task_definition: aws.ecs.TaskDefinition
    service: aws.ecs.Service
    service_name: pulumi.Output[str]
    task_definition_arn: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        *,
        cluster_arn: pulumi.Input[str],
        containers: Sequence[ContainerSpec | Mapping[str, Any]],
        subnet_ids: Sequence[pulumi.Input[str]],
        security_group_ids: Sequence[pulumi.Input[str]],
        cpu: int = 1024,
        memory: int = 2048,
        desired_count: int = 1,
        image_repository_arns: Sequence[pulumi.Input[str]] = (),
        task_role_statements: Sequence[Mapping[str, Any]] = (),
        gpu_capacity_provider: pulumi.Input[str] | None = None,
        log_retention_days: int = 90,
        log_kms_key_arn: pulumi.Input[str] | None = None,
        region: pulumi.Input[str] | None = None,
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param cluster_arn: The ECS cluster to run in.
        :param containers: The task's containers (``ContainerSpec`` or dicts of its fields).
        :param subnet_ids: Private subnets for the tasks (e.g. ``PrivateAiNetwork.private_subnets``). Tasks
            never get a public IP.
        :param security_group_ids: Security groups of the tasks (at least one).
        :param cpu: Task CPU units. :param memory: Task memory (MiB).
        :param desired_count: Number of tasks.
        :param image_repository_arns: ECR repositories the execution role may pull from.
        :param task_role_statements: Permissions of the application (validated like ``LeastPrivilegeRole``);
            no task role, hence no AWS credentials in the containers, when empty.
        :param gpu_capacity_provider: Name of the cluster's EC2 capacity provider with GPU instances; required
            when a container asks for GPUs. Tasks run on Fargate when omitted.
        :param log_retention_days: Days the container logs are kept (a CloudWatch Logs retention value; under
            90 days, or 0 for never, fails CKV_AISEC_77).
        :param log_kms_key_arn: Key for the log group; a new rotating key is created when omitted.
        :param region: Region for the ``awslogs`` driver; the provider's region by default.
        :param tags: Tags for the taggable children.
        """
        self._construct(
            name,
            opts,
            cluster_arn=cluster_arn,
            containers=containers,
            subnet_ids=subnet_ids,
            security_group_ids=security_group_ids,
            cpu=cpu,
            memory=memory,
            desired_count=desired_count,
            image_repository_arns=image_repository_arns,
            task_role_statements=task_role_statements,
            gpu_capacity_provider=gpu_capacity_provider,
            log_retention_days=log_retention_days,
            log_kms_key_arn=log_kms_key_arn,
            region=region,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
        name: str,
        *,
        cluster_arn: pulumi.Input[str],
        containers: Sequence[ContainerSpec | Mapping[str, Any]],
        subnet_ids: Sequence[pulumi.Input[str]],
        security_group_ids: Sequence[pulumi.Input[str]],
        cpu: int = 1024,
        memory: int = 2048,
        desired_count: int = 1,
        image_repository_arns: Sequence[pulumi.Input[str]] = (),
        task_role_statements: Sequence[Mapping[str, Any]] = (),
        gpu_capacity_provider: pulumi.Input[str] | None = None,
        log_retention_days: int = 90,
        log_kms_key_arn: pulumi.Input[str] | None = None,
        region: pulumi.Input[str] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        v.require_plain(containers, "containers")
        specs = [_spec(container) for container in v.as_list(containers)]
        if not specs:
            raise ValueError("containers must hold at least one container")
        names = [spec.name for spec in specs]
        if len(set(names)) != len(names):
            raise ValueError(f"container names must be unique, got {names}")
        for spec in specs:
            _validate_container(spec)
        if any(spec.gpus for spec in specs) and gpu_capacity_provider is None:
            raise ValueError("containers ask for GPUs: pass gpu_capacity_provider (an EC2 capacity provider with GPUs)")
        v.require_plain(subnet_ids, "subnet_ids")
        v.require_plain(security_group_ids, "security_group_ids")
        if not v.as_list(subnet_ids):
            raise ValueError("subnet_ids must name the private subnets the tasks run in")
        if not v.as_list(security_group_ids):
            raise ValueError("security_group_ids must name at least one security group")
        for value, what in ((cpu, "cpu"), (memory, "memory")):
            v.validate_positive_int(value, what)
        if isinstance(desired_count, bool) or not isinstance(desired_count, int) or desired_count < 0:
            raise ValueError("desired_count must be a non-negative integer")
        v.validate_log_retention(log_retention_days)
        log_kms_key_arn = v.key_arn(log_kms_key_arn, "log_kms_key_arn")
        task_statements = v.policy_statements(task_role_statements, "task_role_statements", identity=True)
        tags = dict(tags or {})
        if region is None:
            region = REGION

        log_key, log_group = v.encrypted_log_group(
            plan, f"{name}-logs", retention_in_days=log_retention_days, kms_key_arn=log_kms_key_arn
        )
        execution_statements = [
            # GetAuthorizationToken has no resource-level permissions: "*" is the only valid resource.
            {"Sid": "EcrLogin", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
            *LeastPrivilegeRole.write_logs(log_group.arn),
        ]
        if image_repository_arns:
            execution_statements.append(
                {
                    "Sid": "PullImages",
                    "Effect": "Allow",
                    "Action": list(ECR_PULL_ACTIONS),
                    "Resource": list(image_repository_arns),
                }
            )
        execution_role = plan.nest(
            LeastPrivilegeRole,
            f"{name}-execution",
            service_principals=["ecs-tasks.amazonaws.com"],
            statements=execution_statements,
            description=f"ECS pulls the images and writes the logs of {name}",
        )
        task_role = None
        if task_statements:
            task_role = plan.nest(
                LeastPrivilegeRole,
                f"{name}-task",
                service_principals=["ecs-tasks.amazonaws.com"],
                statements=task_statements,
                description=f"The application permissions of {name}",
            )

        definitions = [_definition(spec, log_group.name, region, name) for spec in specs]
        uses_gpu = gpu_capacity_provider is not None
        task_definition = plan.add(
            aws.ecs.TaskDefinition,
            f"{name}-task",
            family=name,
            network_mode="awsvpc",
            requires_compatibilities=["EC2"] if uses_gpu else ["FARGATE"],
            cpu=str(cpu),
            memory=str(memory),
            execution_role_arn=execution_role.arn,
            task_role_arn=task_role.arn if task_role else None,
            container_definitions=JsonDocument(definitions),
            volumes=[
                aws.ecs.TaskDefinitionVolumeArgs(name=_volume_name(spec.name, index))
                for spec in specs
                for index, _ in enumerate(spec.scratch_paths)
            ]
            or None,
            tags=tags or None,
        )
        service = plan.add(
            aws.ecs.Service,
            f"{name}-service",
            cluster=cluster_arn,
            task_definition=task_definition.arn,
            desired_count=desired_count,
            launch_type=None if uses_gpu else "FARGATE",
            capacity_provider_strategies=[
                aws.ecs.ServiceCapacityProviderStrategyArgs(capacity_provider=gpu_capacity_provider, weight=1)
            ]
            if uses_gpu
            else None,
            network_configuration=aws.ecs.ServiceNetworkConfigurationArgs(
                subnets=list(subnet_ids),
                security_groups=list(security_group_ids),
                assign_public_ip=False,
            ),
            enable_execute_command=False,
            deployment_circuit_breaker=aws.ecs.ServiceDeploymentCircuitBreakerArgs(enable=True, rollback=True),
            propagate_tags="SERVICE",
            tags=tags or None,
        )
        return {
            "log_key": log_key,
            "log_group": log_group,
            "execution_role": execution_role,
            "task_role": task_role,
            "task_definition": task_definition,
            "service": service,
            "service_name": service.name,
            "task_definition_arn": task_definition.arn,
        }
