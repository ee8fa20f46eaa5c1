"""``PrivateAiNetwork``: a VPC where AI workloads reach AWS APIs through private endpoints, not the internet."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v
from pulumi_components._plan import REGION, AisecComponent, Child, Deferred, Plan, concat
from pulumi_components.iam import LeastPrivilegeRole

DEFAULT_AVAILABILITY_ZONES = ("us-east-1a", "us-east-1b")
# Interface endpoints an AI workload needs without internet access (``com.amazonaws.<region>.<service>``).
DEFAULT_INTERFACE_ENDPOINTS = (
    "sagemaker.api",
    "sagemaker.runtime",
    "bedrock-runtime",
    "ecr.api",
    "ecr.dkr",
    "logs",
    "sts",
)
HTTPS = 443


class PrivateAiNetwork(AisecComponent):
    """A VPC for AI workloads: private subnets, private AWS endpoints, no internet path unless asked for.

    Registers, as children:

    * ``vpc`` with DNS support and hostnames (needed for private endpoint DNS);
    * ``private_subnets``: one per availability zone (at least two), never mapping public IPs, and their
      ``private_route_table`` (no route to the internet);
    * ``default_security_group``: the VPC's default group stripped of every rule, so nothing that falls back
      to it can talk;
    * ``endpoint_security_group``: HTTPS (443) in from the VPC's CIDR only (CKV_AISEC_7), no egress;
    * ``interface_endpoints``: ``{service: VpcEndpoint}`` with private DNS, one network interface per private
      subnet; ``s3_endpoint``: the S3 gateway endpoint on the private route table;
    * ``flow_log`` of all traffic to ``flow_log_group`` (KMS-encrypted under ``flow_log_key``, a rotating
      key; CKV_AISEC_4), written by ``flow_log_role`` (a ``LeastPrivilegeRole``).

    With ``allow_internet_egress=True`` it also registers ``internet_gateway``, one ``public_subnet``,
    ``nat_eip``, ``nat_gateway``, ``public_route_table`` and a default route from the private subnets to the
    NAT gateway; otherwise these attributes are ``None``.
    """

    TYPE: ClassVar[str] = "aisec:network:PrivateAiNetwork"
    OUTPUTS: ClassVar[tuple[str, ...]] = ("vpc_id", "private_subnet_ids", "endpoint_security_group_id")
    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_4",
        "CKV_AISEC_7",
        "CKV_AISEC_8",
        "CKV_AISEC_9",
        "CKV_AISEC_76",
        "CKV_AISEC_77",
        "CKV_AISEC_110",
        "CKV_AISEC_158",
        "CKV_AISEC_111",
        "CKV_AISEC_112",
        "CKV2_AISEC_5",
        "CKV2_AISEC_30",
    )

    vpc: aws.ec2.Vpc
    private_subnets: list[aws.ec2.Subnet]
    private_route_table: aws.ec2.RouteTable
    default_security_group: aws.ec2.DefaultSecurityGroup
    endpoint_security_group: aws.ec2.SecurityGroup
    interface_endpoints: dict[str, aws.ec2.VpcEndpoint]
    s3_endpoint: aws.ec2.VpcEndpoint
    flow_log_key: aws.kms.Key | None
    flow_log_group: aws.cloudwatch.LogGroup
    flow_log_role: LeastPrivilegeRole
    flow_log: aws.ec2.FlowLog
    internet_gateway: aws.ec2.InternetGateway | None
    public_subnet: aws.ec2.Subnet | None
    nat_eip: aws.ec2.Eip | None
    nat_gateway: aws.ec2.NatGateway | None
    public_route_table: aws.ec2.RouteTable | None
    vpc_id: pulumi.Output[str]
    private_subnet_ids: pulumi.Output[list[str]]
    endpoint_security_group_id: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        *,
        cidr_block: str = "10.0.0.0/16",
        availability_zones: Sequence[str] = DEFAULT_AVAILABILITY_ZONES,
        interface_endpoint_services: Sequence[str] = DEFAULT_INTERFACE_ENDPOINTS,
        region: pulumi.Input[str] | None = None,
        flow_log_retention_days: int = 365,
        flow_log_kms_key_arn: pulumi.Input[str] | None = None,
        allow_internet_egress: bool = False,
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param cidr_block: The VPC's IPv4 CIDR (a /16 to /24); subnets are carved from it in /+4 steps. A range
            outside RFC 1918 is refused as argument shape, not as a security judgment: AWS accepts publicly
            routable VPC ranges, and they shadow the real hosts of that range for everything in the VPC, but they
            expose nothing by themselves (exposure comes from gateways, routes, public IPs and security groups,
            which the catalog judges).
        :param availability_zones: AZ names, one private subnet each; at least two distinct zones. The default
            names zones of us-east-1: pass your region's zones elsewhere.
        :param interface_endpoint_services: Services reached through interface endpoints, as the suffix of
            ``com.amazonaws.<region>.`` (for example ``bedrock-runtime``); S3 always gets a gateway endpoint.
        :param region: The region of the endpoint service names; the provider's region by default.
        :param flow_log_retention_days: Days CloudWatch Logs keeps the flow logs (one of its allowed values;
            shorter than 90 days, or 0 for never, fails CKV_AISEC_77).
        :param flow_log_kms_key_arn: Key for the flow-log group; a new rotating key whose policy admits
            CloudWatch Logs is created when omitted.
        :param allow_internet_egress: RISK - opt-in outbound internet. Adds an internet gateway, a public
            subnet and a NAT gateway, and routes the private subnets to it. Any workload in the network can then
            send data out (model or training-data exfiltration, prompt/response leaks) and fetch unvetted
            packages or models (supply-chain poisoning). Leave it off and use the VPC endpoints; if a workload
            really needs the internet, pair this with egress filtering (AWS Network Firewall or a proxy).
        :param tags: Tags for every taggable child.
        """
        self._construct(
            name,
            opts,
            cidr_block=cidr_block,
            availability_zones=availability_zones,
            interface_endpoint_services=interface_endpoint_services,
            region=region,
            flow_log_retention_days=flow_log_retention_days,
            flow_log_kms_key_arn=flow_log_kms_key_arn,
            allow_internet_egress=allow_internet_egress,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
        name: str,
        *,
        cidr_block: str = "10.0.0.0/16",
        availability_zones: Sequence[str] = DEFAULT_AVAILABILITY_ZONES,
        interface_endpoint_services: Sequence[str] = DEFAULT_INTERFACE_ENDPOINTS,
        region: pulumi.Input[str] | None = None,
        flow_log_retention_days: int = 365,
        flow_log_kms_key_arn: pulumi.Input[str] | None = None,
        allow_internet_egress: bool = False,
        tags: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        network = _validated_network(cidr_block)
        v.require_plain(availability_zones, "availability_zones")
        zones = v.as_list(availability_zones)
        if len(zones) < 2 or len(set(zones)) != len(zones) or not all(isinstance(z, str) and z for z in zones):
            raise ValueError(
                f"availability_zones must name at least two distinct zones (got {zones!r}): "
                "private AI endpoints and workloads need to survive the loss of one zone"
            )
        v.require_plain(interface_endpoint_services, "interface_endpoint_services")
        services = v.as_list(interface_endpoint_services)
        if len(set(services)) != len(services) or not all(isinstance(s, str) and s and s[0] != "." for s in services):
            raise ValueError(f"interface_endpoint_services must be distinct service names, got {services!r}")
        if "s3" in services:
            raise ValueError("s3 always has a gateway endpoint; remove it from interface_endpoint_services")
        v.validate_log_retention(flow_log_retention_days, "flow_log_retention_days")
        flow_log_kms_key_arn = v.key_arn(flow_log_kms_key_arn, "flow_log_kms_key_arn")
        if not isinstance(allow_internet_egress, bool):
            raise ValueError("allow_internet_egress must be True or False")
        subnet_prefix = network.prefixlen + 4
        blocks = list(network.subnets(new_prefix=subnet_prefix))
        if len(blocks) < len(zones) + int(allow_internet_egress):
            raise ValueError(f"{cidr_block} has room for {len(blocks)} /{subnet_prefix} subnets only")
        tags = dict(tags or {})
        if region is None:
            region = REGION

        def tagged(part: str) -> dict[str, str]:
            return {**tags, "Name": f"{name}-{part}"}

        vpc = plan.add(
            aws.ec2.Vpc,
            f"{name}-vpc",
            cidr_block=str(network),
            enable_dns_support=True,
            enable_dns_hostnames=True,
            tags=tagged("vpc"),
        )
        default_security_group = plan.add(
            aws.ec2.DefaultSecurityGroup,
            f"{name}-default-sg",
            vpc_id=vpc.id,
            ingress=[],
            egress=[],
            tags=tagged("default-sg-no-rules"),
        )
        private_subnets = [
            plan.add(
                aws.ec2.Subnet,
                f"{name}-private-{index}",
                vpc_id=vpc.id,
                cidr_block=str(blocks[index]),
                availability_zone=zone,
                map_public_ip_on_launch=False,
                tags=tagged(f"private-{zone}"),
            )
            for index, zone in enumerate(zones)
        ]
        private_route_table = plan.add(aws.ec2.RouteTable, f"{name}-private-rt", vpc_id=vpc.id, tags=tagged("private"))
        for index, subnet in enumerate(private_subnets):
            plan.add(
                aws.ec2.RouteTableAssociation,
                f"{name}-private-rta-{index}",
                subnet_id=subnet.id,
                route_table_id=private_route_table.id,
            )

        endpoint_security_group = plan.add(
            aws.ec2.SecurityGroup,
            f"{name}-endpoints-sg",
            vpc_id=vpc.id,
            description="HTTPS from inside the VPC to the private AWS service endpoints",
            ingress=[
                aws.ec2.SecurityGroupIngressArgs(
                    description="HTTPS from the VPC",
                    protocol="tcp",
                    from_port=HTTPS,
                    to_port=HTTPS,
                    cidr_blocks=[str(network)],
                )
            ],
            egress=[],
            tags=tagged("endpoints"),
        )
        subnet_ids = [subnet.id for subnet in private_subnets]
        interface_endpoints = {
            service: plan.add(
                aws.ec2.VpcEndpoint,
                f"{name}-{service.replace('.', '-')}",
                vpc_id=vpc.id,
                service_name=concat("com.amazonaws.", region, ".", service),
                vpc_endpoint_type="Interface",
                private_dns_enabled=True,
                subnet_ids=subnet_ids,
                security_group_ids=[endpoint_security_group.id],
                tags=tagged(service),
            )
            for service in services
        }
        s3_endpoint = plan.add(
            aws.ec2.VpcEndpoint,
            f"{name}-s3",
            vpc_id=vpc.id,
            service_name=concat("com.amazonaws.", region, ".s3"),
            vpc_endpoint_type="Gateway",
            route_table_ids=[private_route_table.id],
            tags=tagged("s3"),
        )

        flow_log_key, flow_log_group = v.encrypted_log_group(
            plan,
            f"{name}-flow-logs",
            retention_in_days=flow_log_retention_days,
            kms_key_arn=flow_log_kms_key_arn,
        )
        flow_log_role = plan.nest(
            LeastPrivilegeRole,
            f"{name}-flow-logs",
            service_principals=["vpc-flow-logs.amazonaws.com"],
            statements=LeastPrivilegeRole.write_logs(flow_log_group.arn),
            description=f"Writes the VPC flow logs of {name}",
        )
        flow_log = plan.add(
            aws.ec2.FlowLog,
            f"{name}-flow-log",
            vpc_id=vpc.id,
            traffic_type="ALL",
            log_destination_type="cloud-watch-logs",
            log_destination=flow_log_group.arn,
            iam_role_arn=flow_log_role.arn,
            max_aggregation_interval=60,
            tags=tagged("flow-log"),
        )

        parts: dict[str, Any] = {
            "vpc": vpc,
            "default_security_group": default_security_group,
            "private_subnets": private_subnets,
            "private_route_table": private_route_table,
            "endpoint_security_group": endpoint_security_group,
            "interface_endpoints": interface_endpoints,
            "s3_endpoint": s3_endpoint,
            "flow_log_key": flow_log_key,
            "flow_log_group": flow_log_group,
            "flow_log_role": flow_log_role,
            "flow_log": flow_log,
            "internet_gateway": None,
            "public_subnet": None,
            "nat_eip": None,
            "nat_gateway": None,
            "public_route_table": None,
        }
        if allow_internet_egress:
            parts.update(
                _internet_egress(plan, name, vpc, private_route_table, str(blocks[len(zones)]), zones[0], tagged)
            )
        parts["vpc_id"] = vpc.id
        parts["private_subnet_ids"] = _AllOf(subnet_ids)
        parts["endpoint_security_group_id"] = endpoint_security_group.id
        return parts


class _AllOf(Deferred):
    """A list of later values exposed as one ``Output`` of a list."""

    def __init__(self, items: list[Any]) -> None:
        self.items = items

    def preview(self) -> Any:
        return [item.preview() for item in self.items]

    def realize(self, owner: pulumi.Resource) -> Any:
        return pulumi.Output.all(*(item.realize(owner) for item in self.items))


def _internet_egress(
    plan: Plan, name: str, vpc: Child, private_route_table: Child, cidr: str, zone: str, tagged: Any
) -> dict[str, Any]:
    internet_gateway = plan.add(aws.ec2.InternetGateway, f"{name}-igw", vpc_id=vpc.id, tags=tagged("igw"))
    public_subnet = plan.add(
        aws.ec2.Subnet,
        f"{name}-public-nat",
        vpc_id=vpc.id,
        cidr_block=cidr,
        availability_zone=zone,
        # Only the NAT gateway lives here; nothing launched in it gets a public IP by default.
        map_public_ip_on_launch=False,
        tags=tagged("public-nat"),
    )
    public_route_table = plan.add(aws.ec2.RouteTable, f"{name}-public-rt", vpc_id=vpc.id, tags=tagged("public"))
    plan.add(
        aws.ec2.Route,
        f"{name}-public-default",
        route_table_id=public_route_table.id,
        destination_cidr_block="0.0.0.0/0",
        gateway_id=internet_gateway.id,
    )
    plan.add(
        aws.ec2.RouteTableAssociation,
        f"{name}-public-rta",
        subnet_id=public_subnet.id,
        route_table_id=public_route_table.id,
    )
    nat_eip = plan.add(aws.ec2.Eip, f"{name}-nat-eip", domain="vpc", tags=tagged("nat"))
    nat_gateway = plan.add(
        aws.ec2.NatGateway,
        f"{name}-nat",
        allocation_id=nat_eip.id,
        subnet_id=public_subnet.id,
        tags=tagged("nat"),
        depends_on=[internet_gateway],
    )
    plan.add(
        aws.ec2.Route,
        f"{name}-private-default",
        route_table_id=private_route_table.id,
        destination_cidr_block="0.0.0.0/0",
        nat_gateway_id=nat_gateway.id,
    )
    return {
        "internet_gateway": internet_gateway,
        "public_subnet": public_subnet,
        "nat_eip": nat_eip,
        "nat_gateway": nat_gateway,
        "public_route_table": public_route_table,
    }


def _validated_network(cidr_block: str) -> ipaddress.IPv4Network:
    v.require_plain(cidr_block, "cidr_block")
    try:
        network = ipaddress.ip_network(cidr_block)
    except (TypeError, ValueError) as error:
        raise ValueError(f"cidr_block {cidr_block!r} is not a network address such as 10.0.0.0/16") from error
    if not isinstance(network, ipaddress.IPv4Network) or not 16 <= network.prefixlen <= 24:
        raise ValueError(f"cidr_block must be an IPv4 /16 to /24, got {cidr_block!r}")
    if not network.is_private:
        raise ValueError(f"cidr_block {cidr_block} is not a private (RFC 1918) range")
    return network
