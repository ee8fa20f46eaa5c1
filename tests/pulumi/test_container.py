"""NonRootContainerService: non-root, read-only, unprivileged containers in private subnets."""

from __future__ import annotations

import json

import pytest

from pulumi_components import ContainerSpec, NonRootContainerService, PolicyViolation
from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, assert_rules_pass, run

TASK = "aws:ecs/taskDefinition:TaskDefinition"
SERVICE = "aws:ecs/service:Service"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
KEY = "aws:kms/key:Key"
ROLE = "aws:iam/role:Role"
ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy"
CLUSTER = f"arn:aws:ecs:{REGION}:{ACCOUNT_ID}:cluster/ai"
REPOSITORY = f"arn:aws:ecr:{REGION}:{ACCOUNT_ID}:repository/llm-server"
IMAGE = f"{ACCOUNT_ID}.dkr.ecr.{REGION}.amazonaws.com/llm-server:v1"
CONTAINER_RULES = {"CKV_AISEC_4", "CKV_AISEC_8", "CKV_AISEC_9", "CKV_AISEC_10"}


def _service(**overrides: object) -> NonRootContainerService:
    kwargs: dict = {
        "cluster_arn": CLUSTER,
        "containers": [ContainerSpec(name="server", image=IMAGE, user="1000:1000", port=8080)],
        "subnet_ids": ["subnet-a", "subnet-b"],
        "security_group_ids": ["sg-model"],
        "image_repository_arns": [REPOSITORY],
    }
    kwargs.update(overrides)
    return NonRootContainerService("llm", **kwargs)


def _containers(mocks: RecordingMocks) -> list[dict]:
    return json.loads(mocks.one(TASK).inputs["containerDefinitions"])


def test_fargate_service_defaults(mocks: RecordingMocks) -> None:
    service = run(_service)

    assert mocks.types() == sorted([KEY, LOG_GROUP, ROLE, ROLE_POLICY, TASK, SERVICE])
    component = mocks.one("aisec:ecs:NonRootContainerService")
    execution = mocks.one("aisec:iam:LeastPrivilegeRole")
    assert execution.parent_urn == component.urn
    for resource in mocks.custom:
        assert resource.parent_urn == (execution.urn if resource.type in (ROLE, ROLE_POLICY) else component.urn)

    log_group = mocks.one(LOG_GROUP)
    assert log_group.inputs == {"retentionInDays": 90, "kmsKeyId": mocks.one(KEY).outputs["arn"]}
    assert _containers(mocks) == [
        {
            "name": "server",
            "image": IMAGE,
            "essential": True,
            "user": "1000:1000",
            "privileged": False,
            "readonlyRootFilesystem": True,
            "linuxParameters": {"initProcessEnabled": True, "capabilities": {"drop": ["ALL"]}},
            "logConfiguration": {
                "logDriver": "awslogs",
                "options": {
                    "awslogs-group": log_group.props["name"],
                    "awslogs-region": REGION,
                    "awslogs-stream-prefix": "llm",
                },
            },
            "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
        }
    ]
    task = mocks.one(TASK).inputs
    assert {k: task[k] for k in ("family", "networkMode", "requiresCompatibilities", "cpu", "memory")} == {
        "family": "llm",
        "networkMode": "awsvpc",
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "1024",
        "memory": "2048",
    }
    assert task["executionRoleArn"] == mocks.one(ROLE).outputs["arn"]
    assert "taskRoleArn" not in task and "volumes" not in task
    assert mocks.one(SERVICE).inputs == {
        "cluster": CLUSTER,
        "taskDefinition": mocks.one(TASK).outputs["arn"],
        "desiredCount": 1,
        "launchType": "FARGATE",
        "networkConfiguration": {
            "subnets": ["subnet-a", "subnet-b"],
            "securityGroups": ["sg-model"],
            "assignPublicIp": False,
        },
        "enableExecuteCommand": False,
        "deploymentCircuitBreaker": {"enable": True, "rollback": True},
        "propagateTags": "SERVICE",
    }
    statements = json.loads(mocks.one(ROLE_POLICY).inputs["policy"])["Statement"]
    assert [s["Sid"] for s in statements] == ["EcrLogin", "WriteLogs", "PullImages"]
    assert statements[2]["Resource"] == [REPOSITORY]
    assert service.task_role is None
    assert_rules_pass(mocks, CONTAINER_RULES)


def test_gpu_model_server_on_the_callers_capacity_provider(mocks: RecordingMocks) -> None:
    vllm = {
        "name": "vllm",
        "image": IMAGE,
        "user": "model",
        "port": 8000,
        "gpus": 2,
        "scratch_paths": ["/tmp", "/cache"],
    }
    sidecar = ContainerSpec(
        name="metrics", image=IMAGE, user="65534:65534", essential=False, environment={"B": "2", "A": "1"}
    )
    task_statements = [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::models/*"}]
    service = run(
        lambda: _service(
            containers=[vllm, sidecar],
            gpu_capacity_provider="gpu-g5",
            task_role_statements=task_statements,
            log_kms_key_arn=f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/logs",
        )
    )
    assert KEY not in mocks.types()
    containers = _containers(mocks)
    assert containers[0]["resourceRequirements"] == [{"type": "GPU", "value": "2"}]
    assert containers[0]["mountPoints"] == [
        {"sourceVolume": "vllm-scratch-0", "containerPath": "/tmp", "readOnly": False},
        {"sourceVolume": "vllm-scratch-1", "containerPath": "/cache", "readOnly": False},
    ]
    assert containers[1]["environment"] == [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}]
    assert all(c["user"] != "root" and c["readonlyRootFilesystem"] and not c["privileged"] for c in containers)
    task = mocks.one(TASK).inputs
    assert task["requiresCompatibilities"] == ["EC2"]
    assert task["volumes"] == [{"name": "vllm-scratch-0"}, {"name": "vllm-scratch-1"}]
    assert service.task_role is not None
    assert task["taskRoleArn"] == mocks.by_name("llm-task-role").outputs["arn"]
    ecs_service = mocks.one(SERVICE).inputs
    assert "launchType" not in ecs_service
    assert ecs_service["capacityProviderStrategies"] == [{"capacityProvider": "gpu-g5", "weight": 1}]
    assert ecs_service["networkConfiguration"]["assignPublicIp"] is False
    assert_rules_pass(mocks, CONTAINER_RULES - {"CKV_AISEC_4"})


@pytest.mark.parametrize("user", ["root", "0", "00", "0:0", "root:root", "root:1000", " 0 ", "", None, 0])
def test_root_users_raise_and_register_nothing(mocks: RecordingMocks, user: object) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: _service(containers=[ContainerSpec(name="server", image=IMAGE, user=user)]))  # type: ignore[arg-type]
    assert raised.value.rule_id == "CKV_AISEC_10"
    assert "root" in str(raised.value)
    assert mocks.registered == []


@pytest.mark.parametrize(
    "container",
    [
        {"name": "server", "image": IMAGE},
        {"name": "server", "image": IMAGE, "user": "1000", "privileged": True},
    ],
)
def test_insecure_containers_raise_and_register_nothing(mocks: RecordingMocks, container: dict) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: _service(containers=[container]))
    assert raised.value.rule_id == "CKV_AISEC_10"
    assert mocks.registered == []


def test_wildcard_task_permissions_raise_and_register_nothing(mocks: RecordingMocks) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: _service(task_role_statements=[{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]))
    assert raised.value.rule_id == "CKV_AISEC_8"
    assert mocks.registered == []


@pytest.mark.parametrize(
    "overrides",
    [
        {"containers": []},
        {
            "containers": [
                ContainerSpec(name="a", image=IMAGE, user="1"),
                ContainerSpec(name="a", image=IMAGE, user="2"),
            ]
        },
        {"containers": [ContainerSpec(name="bad name", image=IMAGE, user="1")]},
        {"containers": [ContainerSpec(name="a", image=IMAGE, user="1", gpus=1)]},
        {"containers": [ContainerSpec(name="a", image=IMAGE, user="1", port=70000)]},
        {"containers": [ContainerSpec(name="a", image=IMAGE, user="1", scratch_paths=["tmp"])]},
        {"containers": [{"name": "a", "image": IMAGE, "user": "1", "assign_public_ip": True}]},
        {"subnet_ids": []},
        {"security_group_ids": []},
        {"desired_count": -1},
        {"log_retention_days": 10},
    ],
)
def test_invalid_arguments_raise_and_register_nothing(mocks: RecordingMocks, overrides: dict) -> None:
    with pytest.raises(ValueError):
        run(lambda: _service(**overrides))
    assert mocks.registered == []
