"""CKV2_AISEC_5 on edge cases, called directly."""

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.vpc.vpc_flow_logs_for_ai import evaluate

VPC = Resource("aws_vpc", "aws_vpc.ml", {"cidr_block": "10.0.0.0/16"})
SUBNET = Resource("aws_subnet", "aws_subnet.a", {"vpc_id": "aws_vpc.ml.id"})
FLOW_LOG = Resource("aws_flow_log", "aws_flow_log.ml", {"vpc_id": "aws_vpc.ml.id", "traffic_type": "ALL"})


def verdict(*resources: Resource) -> Verdict:
    return evaluate(VPC, Graph([VPC, SUBNET, *resources])).verdict


def test_each_kind_of_ai_workload_puts_the_vpc_in_scope() -> None:
    workloads = [
        Resource("aws_sagemaker_model", "aws_sagemaker_model.m", {"vpc_config": [{"subnets": ["aws_subnet.a.id"]}]}),
        Resource("aws_ecs_service", "aws_ecs_service.s", {"network_configuration": {"subnets": "aws_subnet.a.id"}}),
        Resource("aws_eks_cluster", "aws_eks_cluster.c", {"vpc_config": [{"subnet_ids": ["aws_subnet.a.id"]}]}),
        Resource("aws_eks_node_group", "aws_eks_node_group.g", {"subnet_ids": ["aws_subnet.a.id"]}),
        Resource("aws_instance", "aws_instance.i", {"instance_type": "g5.xlarge", "subnet_id": "aws_subnet.a.id"}),
        Resource("aws_sagemaker_domain", "aws_sagemaker_domain.d", {"vpc_id": "aws_vpc.ml.id"}),
        Resource(
            "aws_vpc_endpoint",
            "aws_vpc_endpoint.e",
            {"vpc_id": "aws_vpc.ml.id", "service_name": "com.amazonaws.eu-west-1.sagemaker.runtime"},
        ),
    ]
    for workload in workloads:
        assert verdict(workload) is Verdict.FAIL, workload.type
        assert verdict(workload, FLOW_LOG) is Verdict.PASS, workload.type


def test_cpu_instances_and_other_endpoints_are_not_ai_workloads() -> None:
    cpu = Resource("aws_instance", "aws_instance.web", {"instance_type": "m6i.large", "subnet_id": "aws_subnet.a.id"})
    s3 = Resource(
        "aws_vpc_endpoint",
        "aws_vpc_endpoint.s3",
        {"vpc_id": "aws_vpc.ml.id", "service_name": "com.amazonaws.eu-west-1.s3"},
    )
    assert verdict(cpu, s3) is Verdict.PASS


def test_a_flow_log_whose_vpc_is_a_variable_leaves_the_verdict_open() -> None:
    notebook = Resource(
        "aws_sagemaker_notebook_instance", "aws_sagemaker_notebook_instance.n", {"subnet_id": "aws_subnet.a.id"}
    )
    maybe = Resource("aws_flow_log", "aws_flow_log.maybe", {"vpc_id": "var.vpc_id"})
    assert verdict(notebook, maybe) is Verdict.UNKNOWN


def test_workloads_in_another_vpc_do_not_count() -> None:
    other_subnet = Resource("aws_subnet", "aws_subnet.b", {"vpc_id": "aws_vpc.other.id"})
    notebook = Resource(
        "aws_sagemaker_notebook_instance", "aws_sagemaker_notebook_instance.n", {"subnet_id": "aws_subnet.b.id"}
    )
    assert verdict(other_subnet, notebook) is Verdict.PASS


def test_odd_values_give_a_verdict() -> None:
    for odd in (None, 3, "var.x", ["aws_subnet.a.id", None], {"x": 1}):
        instance = Resource("aws_instance", "aws_instance.i", {"instance_type": odd, "subnet_id": odd})
        model = Resource("aws_sagemaker_model", "aws_sagemaker_model.m", {"vpc_config": odd})
        assert verdict(instance, model) in set(Verdict)
