"""PrivateAiNetwork: private subnets and endpoints, no internet path by default, and the pack's rules on it."""

from __future__ import annotations

import json

import pytest

from pulumi_components import PrivateAiNetwork
from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, assert_rules_pass, run

VPC = "aws:ec2/vpc:Vpc"
SUBNET = "aws:ec2/subnet:Subnet"
ROUTE_TABLE = "aws:ec2/routeTable:RouteTable"
ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation"
DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"
SG = "aws:ec2/securityGroup:SecurityGroup"
ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint"
FLOW_LOG = "aws:ec2/flowLog:FlowLog"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
KEY = "aws:kms/key:Key"
ROLE = "aws:iam/role:Role"
ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy"
INTERNET = {
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/natGateway:NatGateway",
    "aws:ec2/eip:Eip",
    "aws:ec2/route:Route",
}
NETWORK_RULES = {"CKV_AISEC_4", "CKV_AISEC_7", "CKV_AISEC_8", "CKV_AISEC_9"}


def test_default_network_is_private(mocks: RecordingMocks) -> None:
    network = run(lambda: PrivateAiNetwork("ai"))

    assert sorted(set(mocks.types())) == sorted(
        {VPC, SUBNET, ROUTE_TABLE, ASSOCIATION, DEFAULT_SG, SG, ENDPOINT, FLOW_LOG, LOG_GROUP, KEY, ROLE, ROLE_POLICY}
    )
    assert not INTERNET & set(mocks.types()), "no internet gateway, NAT or route by default"
    component = mocks.one("aisec:network:PrivateAiNetwork")
    role_component = mocks.one("aisec:iam:LeastPrivilegeRole")
    assert role_component.parent_urn == component.urn
    for resource in mocks.custom:
        expected_parent = role_component.urn if resource.type in (ROLE, ROLE_POLICY) else component.urn
        assert resource.parent_urn == expected_parent, resource.name

    vpc = mocks.one(VPC)
    assert vpc.inputs == {
        "cidrBlock": "10.0.0.0/16",
        "enableDnsSupport": True,
        "enableDnsHostnames": True,
        "tags": {"Name": "ai-vpc"},
    }
    subnets = sorted(mocks.of_type(SUBNET), key=lambda s: s.name)
    assert [
        (s.inputs["availabilityZone"], s.inputs["cidrBlock"], s.inputs["mapPublicIpOnLaunch"]) for s in subnets
    ] == [
        ("us-east-1a", "10.0.0.0/20", False),
        ("us-east-1b", "10.0.16.0/20", False),
    ]
    assert all(s.inputs["vpcId"] == vpc.id for s in subnets)
    [route_table] = mocks.of_type(ROUTE_TABLE)
    assert "routes" not in route_table.inputs
    assert sorted(a.inputs["subnetId"] for a in mocks.of_type(ASSOCIATION)) == sorted(s.id for s in subnets)

    assert mocks.one(DEFAULT_SG).inputs == {
        "vpcId": vpc.id,
        "ingress": [],
        "egress": [],
        "tags": {"Name": "ai-default-sg-no-rules"},
    }
    endpoint_sg = mocks.one(SG)
    assert endpoint_sg.inputs["ingress"] == [
        {
            "description": "HTTPS from the VPC",
            "protocol": "tcp",
            "fromPort": 443,
            "toPort": 443,
            "cidrBlocks": ["10.0.0.0/16"],
        }
    ]
    assert endpoint_sg.inputs["egress"] == []

    endpoints = {e.inputs["serviceName"]: e.inputs for e in mocks.of_type(ENDPOINT)}
    interface = [
        f"com.amazonaws.{REGION}.{s}"
        for s in ("sagemaker.api", "sagemaker.runtime", "bedrock-runtime", "ecr.api", "ecr.dkr", "logs", "sts")
    ]
    assert sorted(endpoints) == sorted([*interface, f"com.amazonaws.{REGION}.s3"])
    for service in interface:
        assert endpoints[service] == {
            "vpcId": vpc.id,
            "serviceName": service,
            "vpcEndpointType": "Interface",
            "privateDnsEnabled": True,
            "subnetIds": [s.id for s in subnets],
            "securityGroupIds": [endpoint_sg.id],
            "tags": {"Name": "ai-" + service.removeprefix(f"com.amazonaws.{REGION}.")},
        }
    assert endpoints[f"com.amazonaws.{REGION}.s3"] == {
        "vpcId": vpc.id,
        "serviceName": f"com.amazonaws.{REGION}.s3",
        "vpcEndpointType": "Gateway",
        "routeTableIds": [route_table.id],
        "tags": {"Name": "ai-s3"},
    }

    key = mocks.one(KEY)
    assert key.inputs["enableKeyRotation"] is True
    key_policy = json.loads(key.inputs["policy"])["Statement"]
    assert key_policy[1]["Principal"] == {"Service": f"logs.{REGION}.amazonaws.com"}
    assert key_policy[1]["Condition"] == {
        "ArnLike": {"kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{REGION}:{ACCOUNT_ID}:log-group:*"}
    }
    assert all(action != "kms:*" for statement in key_policy for action in statement["Action"])
    log_group = mocks.one(LOG_GROUP)
    assert log_group.inputs == {"retentionInDays": 365, "kmsKeyId": key.outputs["arn"]}
    assert mocks.one(FLOW_LOG).inputs == {
        "vpcId": vpc.id,
        "trafficType": "ALL",
        "logDestinationType": "cloud-watch-logs",
        "logDestination": log_group.outputs["arn"],
        "iamRoleArn": mocks.one(ROLE).outputs["arn"],
        "maxAggregationInterval": 60,
        "tags": {"Name": "ai-flow-log"},
    }
    trust = json.loads(mocks.one(ROLE).inputs["assumeRolePolicy"])["Statement"][0]
    assert trust["Principal"] == {"Service": "vpc-flow-logs.amazonaws.com"}
    assert json.loads(mocks.one(ROLE_POLICY).inputs["policy"])["Statement"][0]["Resource"] == [
        log_group.outputs["arn"],
        f"{log_group.outputs['arn']}:log-stream:*",
    ]
    assert network.internet_gateway is None and network.nat_gateway is None and network.public_subnet is None
    assert set(network.interface_endpoints) == {
        "sagemaker.api",
        "sagemaker.runtime",
        "bedrock-runtime",
        "ecr.api",
        "ecr.dkr",
        "logs",
        "sts",
    }


def test_default_network_passes_every_rule(mocks: RecordingMocks) -> None:
    run(lambda: PrivateAiNetwork("ai"))
    assert_rules_pass(mocks, NETWORK_RULES)


def test_configurable_zones_endpoints_and_key(mocks: RecordingMocks) -> None:
    key_arn = f"arn:aws:kms:eu-west-1:{ACCOUNT_ID}:key/flow"
    run(
        lambda: PrivateAiNetwork(
            "ai",
            cidr_block="10.20.0.0/20",
            availability_zones=["eu-west-1a", "eu-west-1b", "eu-west-1c"],
            interface_endpoint_services=["bedrock-runtime"],
            region="eu-west-1",
            flow_log_retention_days=90,
            flow_log_kms_key_arn=key_arn,
        )
    )
    assert [s.inputs["cidrBlock"] for s in sorted(mocks.of_type(SUBNET), key=lambda s: s.name)] == [
        "10.20.0.0/24",
        "10.20.1.0/24",
        "10.20.2.0/24",
    ]
    assert sorted(e.inputs["serviceName"] for e in mocks.of_type(ENDPOINT)) == [
        "com.amazonaws.eu-west-1.bedrock-runtime",
        "com.amazonaws.eu-west-1.s3",
    ]
    assert mocks.of_type(KEY) == []
    assert mocks.one(LOG_GROUP).inputs == {"retentionInDays": 90, "kmsKeyId": key_arn}
    assert_rules_pass(mocks, NETWORK_RULES - {"CKV_AISEC_4"})


def test_internet_egress_is_an_explicit_opt_in(mocks: RecordingMocks) -> None:
    network = run(lambda: PrivateAiNetwork("ai", allow_internet_egress=True))
    assert set(mocks.types()) >= INTERNET
    public = mocks.by_name("ai-public-nat")
    assert public.inputs["cidrBlock"] == "10.0.32.0/20"
    assert public.inputs["mapPublicIpOnLaunch"] is False
    nat = mocks.one("aws:ec2/natGateway:NatGateway")
    assert nat.inputs["subnetId"] == public.id
    routes = {r.name: r.inputs for r in mocks.of_type("aws:ec2/route:Route")}
    assert routes["ai-private-default"] == {
        "routeTableId": mocks.by_name("ai-private-rt").id,
        "destinationCidrBlock": "0.0.0.0/0",
        "natGatewayId": nat.id,
    }
    assert routes["ai-public-default"]["gatewayId"] == mocks.one("aws:ec2/internetGateway:InternetGateway").id
    assert network.nat_gateway is not None
    assert_rules_pass(mocks, NETWORK_RULES)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"availability_zones": ["us-east-1a"]},
        {"availability_zones": ["us-east-1a", "us-east-1a"]},
        {"availability_zones": []},
        {"cidr_block": "10.0.0.0/8"},
        {"cidr_block": "10.0.0.0/28"},
        {"cidr_block": "8.8.0.0/16"},
        {"cidr_block": "not-a-cidr"},
        {"cidr_block": "fd00::/56"},
        {"interface_endpoint_services": ["logs", "logs"]},
        {"interface_endpoint_services": ["s3"]},
        {"flow_log_retention_days": 0},
        {"flow_log_retention_days": 42},
        {"allow_internet_egress": "yes"},
        {
            "cidr_block": "10.0.0.0/24",
            "availability_zones": [f"z{i}" for i in range(16)],
            "allow_internet_egress": True,
        },
    ],
)
def test_invalid_arguments_raise_and_register_nothing(mocks: RecordingMocks, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        run(lambda: PrivateAiNetwork("ai", **kwargs))
    assert mocks.registered == []
