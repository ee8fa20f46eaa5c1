"""Pulumi mocks that record every registered resource and answer with realistic physical IDs and ARNs.

Use a fresh ``RecordingMocks`` per test (``install()`` does ``pulumi.runtime.set_mocks``; mocks are
process-global) and build the program with ``run(lambda: ...)``, which waits for every registration::

    mocks = install()
    bucket = run(lambda: SecureBucket("data"))
    assert mocks.of_type("aws:s3/bucket:Bucket")

Why the realistic values matter:

* Under mocks an input that depends on an *unknown* output is dropped from the dependent's inputs: a key ARN
  that the mock does not return makes ``kmsMasterKeyId`` silently disappear. So every resource gets an
  ``id`` and an ``arn`` (and a few type-specific outputs such as ``repositoryUrl``).
* Connection rules match literal names (a bucket policy's ``bucket`` against the bucket's ``bucket``), so a
  bucket's ID is its name, and names left to Pulumi's auto-naming are filled in like the provider does
  (``<logical name>-<7 hex>``); ``props`` holds those values, ``inputs`` what the program passed.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pulumi
import pytest
from pulumi.runtime import mocks as pulumi_mocks

from policies.catalog import load_catalog
from policies.model import Resource, Result, Verdict
from policies.pulumi_adapter import evaluate_resources, normalize

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"
T = TypeVar("T")

# Properties the AWS provider fills by auto-naming when the program leaves them out.
AUTONAMED = {
    "aws:s3/bucket:Bucket": "bucket",
    "aws:iam/role:Role": "name",
    "aws:iam/policy:Policy": "name",
    "aws:iam/rolePolicy:RolePolicy": "name",
    "aws:cloudwatch/logGroup:LogGroup": "name",
    "aws:ec2/securityGroup:SecurityGroup": "name",
    "aws:ecr/repository:Repository": "name",
    "aws:ecs/cluster:Cluster": "name",
    "aws:ecs/service:Service": "name",
    "aws:kms/alias:Alias": "name",
    "aws:sagemaker/notebookInstance:NotebookInstance": "name",
    "aws:sagemaker/model:Model": "name",
    "aws:sagemaker/endpointConfiguration:EndpointConfiguration": "name",
    "aws:sagemaker/endpoint:Endpoint": "name",
    "aws:bedrock/guardrail:Guardrail": "name",
}

# EC2-style physical ID prefixes.
_EC2_PREFIXES = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/route:Route": "r",
}


def _hex(*parts: str, length: int = 8) -> str:
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


@dataclass
class Registered:
    """One ``RegisterResource`` call as the engine saw it."""

    type: str
    name: str
    urn: str
    parent_urn: str
    custom: bool
    inputs: dict[str, Any]
    props: dict[str, Any]
    id: str
    outputs: dict[str, Any] = field(default_factory=dict)

    def normalized(self) -> Resource | None:
        return normalize(self.type, self.name, self.props)


class RecordingMocks(pulumi.runtime.Mocks):
    """Answers every resource with realistic outputs and records it (see the module docstring)."""

    def __init__(self) -> None:
        self.registered: list[Registered] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._pending_parent: dict[tuple[str, str], str] = {}

    # -- pulumi.runtime.Mocks -----------------------------------------------------------------------------

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        props = dict(args.inputs)
        autonamed = AUTONAMED.get(args.typ)
        if autonamed and not props.get(autonamed):
            props[autonamed] = f"{args.name}-{_hex(args.typ, args.name, length=7)}"
        physical_id = self._physical_id(args.typ, args.name, props)
        outputs = {**props, **self._computed(args.typ, args.name, physical_id, props)}
        urn, parent = self._pending_parent.pop((args.typ, args.name), ("", ""))
        self.registered.append(
            Registered(
                type=args.typ,
                name=args.name,
                urn=urn,
                parent_urn=parent,
                custom=bool(args.custom),
                inputs=dict(args.inputs),
                props=props,
                id=physical_id,
                outputs=outputs,
            )
        )
        return physical_id, outputs

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:
        self.calls.append((args.token, dict(args.args)))
        if args.token == "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                "accountId": ACCOUNT_ID,
                "arn": f"arn:aws:iam::{ACCOUNT_ID}:user/test",
                "userId": "AIDATEST",
                "id": ACCOUNT_ID,
            }
        if args.token == "aws:index/getRegion:getRegion":
            return {"name": REGION, "region": REGION, "id": REGION, "endpoint": f"ec2.{REGION}.amazonaws.com"}
        if args.token == "aws:index/getPartition:getPartition":
            return {"partition": "aws", "dnsSuffix": "amazonaws.com", "id": "aws"}
        if args.token == "aws:index/getAvailabilityZones:getAvailabilityZones":
            names = [f"{REGION}a", f"{REGION}b", f"{REGION}c"]
            return {"names": names, "zoneIds": ["use1-az1", "use1-az2", "use1-az4"], "id": REGION}
        return {}

    # -- queries used by the tests --------------------------------------------------------------------------

    def of_type(self, type_token: str) -> list[Registered]:
        return [resource for resource in self.registered if resource.type == type_token]

    def one(self, type_token: str) -> Registered:
        found = self.of_type(type_token)
        assert len(found) == 1, f"expected one {type_token}, got {[r.name for r in found]}"
        return found[0]

    def by_name(self, name: str) -> Registered:
        found = [resource for resource in self.registered if resource.name == name]
        assert len(found) == 1, f"expected one resource named {name}, got {len(found)}"
        return found[0]

    @property
    def custom(self) -> list[Registered]:
        """The cloud resources (components excluded)."""
        return [resource for resource in self.registered if resource.custom]

    def types(self) -> list[str]:
        return sorted(resource.type for resource in self.custom)

    def normalized(self) -> list[Resource]:
        """Every recorded cloud resource in Terraform's shape, for ``policies.pulumi_adapter``."""
        return [resource for record in self.custom if (resource := record.normalized()) is not None]

    # -- realistic outputs ---------------------------------------------------------------------------------

    def _physical_id(self, type_token: str, name: str, props: dict[str, Any]) -> str:
        autonamed = AUTONAMED.get(type_token)
        if autonamed and isinstance(props.get(autonamed), str):
            return props[autonamed]
        if type_token in _EC2_PREFIXES:
            return f"{_EC2_PREFIXES[type_token]}-{_hex(type_token, name, length=17)}"
        if type_token == "aws:kms/key:Key":
            h = _hex(type_token, name, length=32)
            return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        if type_token == "aws:ecs/taskDefinition:TaskDefinition":
            return str(props.get("family", name))
        for key in ("bucket", "name", "family"):
            if isinstance(props.get(key), str) and props[key]:
                return f"{props[key]}"
        return f"{name}-{_hex(type_token, name)}"

    def _computed(self, type_token: str, name: str, physical_id: str, props: dict[str, Any]) -> dict[str, Any]:
        service = type_token.split(":")[1].split("/")[0]
        prefix = f"arn:aws:{service}:{REGION}:{ACCOUNT_ID}"
        computed: dict[str, Any] = {"id": physical_id}
        if type_token == "aws:kms/key:Key":
            computed["arn"] = f"{prefix}:key/{physical_id}"
            computed["keyId"] = physical_id
        elif type_token == "aws:s3/bucket:Bucket":
            computed["arn"] = f"arn:aws:s3:::{physical_id}"
            computed["bucketDomainName"] = f"{physical_id}.s3.amazonaws.com"
            computed["bucketRegionalDomainName"] = f"{physical_id}.s3.{REGION}.amazonaws.com"
        elif type_token in ("aws:iam/role:Role", "aws:iam/policy:Policy"):
            kind = "role" if type_token.endswith("Role") else "policy"
            computed["arn"] = f"arn:aws:iam::{ACCOUNT_ID}:{kind}/{physical_id}"
            computed["uniqueId"] = f"AROA{_hex(physical_id, length=16).upper()}"
        elif type_token == "aws:cloudwatch/logGroup:LogGroup":
            computed["arn"] = f"arn:aws:logs:{REGION}:{ACCOUNT_ID}:log-group:{physical_id}"
        elif type_token == "aws:ecr/repository:Repository":
            computed["arn"] = f"{prefix}:repository/{physical_id}"
            computed["repositoryUrl"] = f"{ACCOUNT_ID}.dkr.ecr.{REGION}.amazonaws.com/{physical_id}"
            computed["registryId"] = ACCOUNT_ID
        elif type_token == "aws:ecs/taskDefinition:TaskDefinition":
            computed["arn"] = f"{prefix}:task-definition/{physical_id}:1"
            computed["revision"] = 1
            computed["arnWithoutRevision"] = f"{prefix}:task-definition/{physical_id}"
        elif type_token == "aws:bedrock/guardrail:Guardrail":
            computed["arn"] = computed["guardrailArn"] = f"{prefix}:guardrail/{physical_id}"
            computed["guardrailId"] = physical_id
            computed["version"] = "DRAFT"
        elif type_token == "aws:bedrock/guardrailVersion:GuardrailVersion":
            computed["version"] = "1"
        elif type_token == "aws:ec2/vpc:Vpc":
            computed["arn"] = f"arn:aws:ec2:{REGION}:{ACCOUNT_ID}:vpc/{physical_id}"
            computed["defaultSecurityGroupId"] = f"sg-{_hex('default', name, length=17)}"
            computed["mainRouteTableId"] = f"rtb-{_hex('main', name, length=17)}"
        else:
            computed["arn"] = f"{prefix}:{type_token.split(':')[-1].lower()}/{physical_id}"
        return computed


class _RecordingMonitor(pulumi_mocks.MockMonitor):
    """The stock mock monitor, plus the URN and parent URN of each registration (for ``parent=self``)."""

    def __init__(self, mocks: RecordingMocks) -> None:
        super().__init__(mocks)
        self._recording = mocks

    def RegisterResource(self, request: Any) -> Any:
        urn = self.make_urn(request.parent, request.type, request.name)
        self._recording._pending_parent[(request.type, request.name)] = (urn, request.parent)
        return super().RegisterResource(request)


def install(preview: bool = False) -> RecordingMocks:
    """Fresh mocks for one test: set them process-wide and return them."""
    mocks = RecordingMocks()
    pulumi.runtime.set_mocks(mocks, project="aisec", stack="test", preview=preview, monitor=_RecordingMonitor(mocks))
    return mocks


def run(program: Callable[[], T]) -> T:
    """Run ``program`` under the installed mocks and wait until every resource it created is registered.

    Exceptions raised by the program (a ``PolicyViolation``) propagate unchanged.
    """
    box: dict[str, T] = {}

    @pulumi.runtime.test
    def _program() -> None:
        box["value"] = program()

    _program()
    return box["value"]


def resolve(output: Any) -> Any:
    """The value of an ``Output`` after ``run``: awaited synchronously, under the installed mocks."""
    box: dict[str, Any] = {}

    @pulumi.runtime.test
    def _await() -> Any:
        return pulumi.Output.from_input(output).apply(lambda value: box.setdefault("value", value))

    _await()
    return box.get("value")


# -- judging what was recorded with the pack's own rules ---------------------------------------------------


def findings(mocks: RecordingMocks) -> list[tuple[str, str, Result]]:
    """Every applicable catalog rule's verdict on every recorded cloud resource."""
    return evaluate_resources(mocks.normalized())


def assert_rules_pass(mocks: RecordingMocks, expected_rules: set[str]) -> list[tuple[str, str, Result]]:
    """No rule fails, no rule is UNKNOWN (which would hide a mis-normalization), and every rule of
    ``expected_rules`` that the catalog already holds judged at least one resource PASS.

    Skips (visibly) when none of ``expected_rules`` is in the catalog yet. Returns the findings.
    """
    in_catalog = {rule.id for rule in load_catalog()}
    expected_now = expected_rules & in_catalog
    found = findings(mocks)
    not_passed = [
        (rule_id, address, result) for rule_id, address, result in found if result.verdict is not Verdict.PASS
    ]
    assert not not_passed, not_passed
    judged = {rule_id for rule_id, _, _ in found}
    assert expected_now <= judged, f"rules that judged nothing: {sorted(expected_now - judged)}"
    if not expected_now:
        pytest.skip(f"none of {sorted(expected_rules)} is in the catalog yet")
    return found


def forget_failed_registrations() -> None:
    """A registration that failed when an Output resolved leaves futures whose exception nobody retrieves;
    asyncio logs each one ("Task exception was never retrieved") when it is garbage-collected, at exit at the
    latest. Call this after a test has asserted such a failure: it marks those exceptions as retrieved."""
    for obj in gc.get_objects():
        if isinstance(obj, asyncio.Future) and obj.done() and not obj.cancelled():
            obj.exception()
