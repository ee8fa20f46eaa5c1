"""SageMaker components: ``SecureNotebook``, ``SecureStudioDomain`` and ``SecureModelEndpoint``.

Each refuses, before registering anything, the arguments that would violate a catalog rule, raising
``PolicyViolation`` with the rule ID: CKV_AISEC_5 (notebook private), CKV_AISEC_6 (Studio VpcOnly),
CKV_AISEC_11/12/13 (notebook KMS, root access, IMDSv2), CKV_AISEC_14 (Studio KMS), CKV_AISEC_16/17 (model
network isolation, VPC), CKV_AISEC_18/19/20 (endpoint storage KMS, data capture, capture KMS), CKV_AISEC_8/9
(IAM, for the Studio execution role). The one requirement no catalog rule covers yet raises ``PolicyViolation``
with a stable requirement name in the ``aisec-iac:<requirement>`` form:

* ``aisec-iac:endpoint-min-instances``: a production variant starts with at least two instances.

The argument names that mirror pulumi-aws properties (``direct_internet_access``, ``root_access``,
``app_network_access_type``, ``enable_network_isolation``) exist so that a program ported from raw pulumi-aws
gets a policy message rather than a ``TypeError``; their only accepted value is the secure one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from policies.sagemaker_values import has_local_storage
from pulumi_components import _validation as v
from pulumi_components.bucket import SecureBucket
from pulumi_components.iam import LeastPrivilegeRole, use_kms_key

# Catalog rules these components enforce beyond those named in ``_validation``.
NOTEBOOK_KMS = "CKV_AISEC_11"
NOTEBOOK_ROOT_ACCESS = "CKV_AISEC_12"
NOTEBOOK_IMDSV2 = "CKV_AISEC_13"
STUDIO_KMS = "CKV_AISEC_14"
MODEL_NETWORK_ISOLATION = "CKV_AISEC_16"
MODEL_VPC_CONFIG = "CKV_AISEC_17"
ENDPOINT_KMS = "CKV_AISEC_18"
ENDPOINT_DATA_CAPTURE = "CKV_AISEC_19"
ENDPOINT_OUTPUT_KMS = "CKV_AISEC_20"
# Requirements no catalog rule covers yet (see the module docstring).
ENDPOINT_MIN_INSTANCES = "aisec-iac:endpoint-min-instances"

SAGEMAKER_PRINCIPAL = "sagemaker.amazonaws.com"
CAPTURE_MODES = ("Input", "Output")
MIN_PRODUCTION_INSTANCES = 2


def _is_aws_managed_key(key: str) -> bool:
    """``alias/aws/<service>`` in any form: AWS-managed keys whose policy the account cannot control."""
    return key.startswith("alias/aws/") or ":alias/aws/" in key


def _check_customer_key(kms_key_arn: Any, requirement: str, what: str = "kms_key_arn") -> None:
    """A plain ``kms_key_arn`` must name a customer-managed key; an ``Output`` (another resource's ARN) is
    accepted as it is, ``None`` means "create a rotating key"."""
    if kms_key_arn is None or v.is_output(kms_key_arn):
        return
    v.require(
        isinstance(kms_key_arn, str) and bool(kms_key_arn.strip()),
        requirement,
        f"{what} is empty; pass a customer-managed key's ARN or omit it to create a rotating key",
    )
    v.require(
        not _is_aws_managed_key(kms_key_arn),
        requirement,
        f"{what} {kms_key_arn!r} is an AWS-managed key; pass a customer-managed key's ARN or omit it to create "
        "a rotating key (CKV_AISEC_4)",
    )


def _check_ids(values: Any, what: str, rule_id: str, why: str) -> list[Any]:
    """A required, non-empty list of IDs (subnets, security groups); items may be ``Output``s."""
    v.require_plain(values, what)
    items = v.as_list(values)
    v.require(bool(items), rule_id, f"{what} is empty: {why}")
    for item in items:
        if not v.is_output(item):
            v.require(isinstance(item, str) and bool(item.strip()), rule_id, f"{what} holds an empty ID: {why}")
    return items


def _check_subnet(subnet_id: Any, rule_id: str, why: str) -> None:
    if v.is_output(subnet_id):
        return
    v.require(isinstance(subnet_id, str) and bool(subnet_id.strip()), rule_id, f"subnet_id is empty: {why}")


def _check_role_statements(statements: Any, managed_policy_arns: Any, what: str) -> None:
    """What ``LeastPrivilegeRole`` would refuse, checked before the parent component registers."""
    v.require_plain(statements, what)
    v.validate_identity_statements(v.policy_statements(statements, what), what)
    v.require_plain(managed_policy_arns, f"{what} managed_policy_arns")
    v.validate_managed_policy_arns(list(managed_policy_arns))


class SecureNotebook(pulumi.ComponentResource):
    """A SageMaker notebook instance inside the caller's VPC, on a customer-managed key, without root.

    Registers, as children:

    * ``kms_key``: a new customer-managed key with yearly rotation (CKV_AISEC_4), unless ``kms_key_arn`` is
      given (then ``None``);
    * ``notebook`` (``aws.sagemaker.NotebookInstance``): ``direct_internet_access="Disabled"`` in
      ``subnet_id`` with ``security_group_ids`` (CKV_AISEC_5), ``root_access="Disabled"``, IMDSv2 only
      (``minimum_instance_metadata_service_version="2"``), storage encrypted with the key.

    Without direct internet access the notebook reaches AWS APIs (SageMaker, S3, ECR) only through VPC endpoints
    or a NAT gateway in its subnet; create those with the network.
    """

    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_4",
        "CKV_AISEC_5",
        "CKV_AISEC_11",
        "CKV_AISEC_12",
        "CKV_AISEC_13",
        "CKV_AISEC_112",
    )

    kms_key: aws.kms.Key | None
    notebook: aws.sagemaker.NotebookInstance

    def __init__(
        self,
        name: str,
        *,
        instance_type: str,
        role_arn: pulumi.Input[str],
        subnet_id: pulumi.Input[str],
        security_group_ids: Sequence[pulumi.Input[str]],
        kms_key_arn: pulumi.Input[str] | None = None,
        notebook_name: str | None = None,
        volume_size: int = 20,
        platform_identifier: str | None = None,
        lifecycle_config_name: pulumi.Input[str] | None = None,
        default_code_repository: pulumi.Input[str] | None = None,
        direct_internet_access: str = "Disabled",
        root_access: str = "Disabled",
        minimum_instance_metadata_service_version: str = "2",
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param instance_type: ML compute instance type, e.g. ``ml.t3.medium``.
        :param role_arn: ARN of the execution role (build it with ``LeastPrivilegeRole`` trusted by
            ``sagemaker.amazonaws.com``).
        :param subnet_id: The VPC subnet the notebook's network interface is placed in (required, CKV_AISEC_5).
        :param security_group_ids: Security groups of that interface; at least one (required, CKV_AISEC_5).
        :param kms_key_arn: ARN of a customer-managed key for the storage volume; a new rotating key is created
            when omitted. AWS-managed keys (``alias/aws/...``) are refused (CKV_AISEC_11).
        :param notebook_name: The notebook instance's name; auto-named when omitted.
        :param volume_size: Size of the ML storage volume in GB.
        :param platform_identifier: Runtime platform, e.g. ``notebook-al2023-v1``; the provider default otherwise.
        :param lifecycle_config_name: Name of a lifecycle configuration to attach.
        :param default_code_repository: Default Git repository of the notebook.
        :param direct_internet_access: Only ``"Disabled"`` is accepted (CKV_AISEC_5); the argument exists so a
            program ported from ``aws.sagemaker.NotebookInstance`` gets a policy message.
        :param root_access: Only ``"Disabled"`` is accepted (CKV_AISEC_12).
        :param minimum_instance_metadata_service_version: Only ``"2"`` is accepted (CKV_AISEC_13).
        :param tags: Tags for every taggable child.
        """
        # -- validate everything before registering anything ---------------------------------------------
        v.require(
            direct_internet_access == "Disabled",
            v.NOTEBOOK_PRIVATE,
            f"direct_internet_access is {direct_internet_access!r}; only 'Disabled' is accepted: reach the "
            "internet through your VPC (NAT gateway, VPC endpoints) instead",
        )
        _check_subnet(subnet_id, v.NOTEBOOK_PRIVATE, "place the notebook in a private subnet of your VPC")
        _check_ids(
            security_group_ids,
            "security_group_ids",
            v.NOTEBOOK_PRIVATE,
            "a notebook in a subnet needs at least one security group",
        )
        v.require(
            root_access == "Disabled",
            NOTEBOOK_ROOT_ACCESS,
            f"root_access is {root_access!r}; only 'Disabled' is accepted: install packages with a lifecycle "
            "configuration or in conda environments instead",
        )
        v.require(
            str(minimum_instance_metadata_service_version) == "2",
            NOTEBOOK_IMDSV2,
            f"minimum_instance_metadata_service_version is {minimum_instance_metadata_service_version!r}; only "
            "'2' (IMDSv2 only) is accepted",
        )
        _check_customer_key(kms_key_arn, NOTEBOOK_KMS)
        v.validate_positive_int(volume_size, "volume_size")
        if not isinstance(instance_type, str) or not instance_type.startswith("ml."):
            raise ValueError(f"instance_type must be an ML instance type such as 'ml.t3.medium', got {instance_type!r}")
        tags = dict(tags or {})

        super().__init__("aisec:sagemaker:SecureNotebook", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        self.kms_key = None
        if kms_key_arn is None:
            self.kms_key = v.new_rotating_key(f"{name}-key", f"Encrypts the SageMaker notebook {name}", self)
            kms_key_arn = self.kms_key.arn
        self.kms_key_arn: pulumi.Output[str] = pulumi.Output.from_input(kms_key_arn)

        self.notebook = aws.sagemaker.NotebookInstance(
            f"{name}-notebook",
            name=notebook_name,
            instance_type=instance_type,
            role_arn=role_arn,
            subnet_id=subnet_id,
            security_groups=list(security_group_ids),
            direct_internet_access="Disabled",
            root_access="Disabled",
            instance_metadata_service_configuration=aws.sagemaker.NotebookInstanceInstanceMetadataServiceConfigurationArgs(
                minimum_instance_metadata_service_version="2"
            ),
            kms_key_id=kms_key_arn,
            volume_size=volume_size,
            platform_identifier=platform_identifier,
            lifecycle_config_name=lifecycle_config_name,
            default_code_repository=default_code_repository,
            tags=tags or None,
            opts=child,
        )

        self.notebook_arn: pulumi.Output[str] = self.notebook.arn
        self.notebook_name: pulumi.Output[str] = self.notebook.name
        self.register_outputs(
            {"notebook_arn": self.notebook.arn, "notebook_name": self.notebook.name, "kms_key_arn": self.kms_key_arn}
        )


class SecureStudioDomain(pulumi.ComponentResource):
    """A SageMaker Studio domain whose apps reach the network only through the caller's VPC.

    Registers, as children:

    * ``kms_key``: a new customer-managed key with yearly rotation (CKV_AISEC_4), unless ``kms_key_arn`` is
      given (then ``None``);
    * ``execution_role`` (``LeastPrivilegeRole``): the default user execution role, trusted by
      ``sagemaker.amazonaws.com`` of this account only, allowed to use the key plus ``execution_role_statements``
      (CKV_AISEC_8, CKV_AISEC_9);
    * ``domain`` (``aws.sagemaker.Domain``): ``app_network_access_type="VpcOnly"`` (CKV_AISEC_6) in ``vpc_id``
      and ``subnet_ids``, user apps in ``security_group_ids``, the EFS home volume on the key.

    In ``VpcOnly`` mode Studio reaches SageMaker and other AWS APIs only through VPC endpoints (or a NAT
    gateway) in the subnets; create those with the network.
    """

    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_4",
        "CKV_AISEC_6",
        "CKV_AISEC_8",
        "CKV_AISEC_9",
        "CKV_AISEC_14",
        "CKV_AISEC_26",
        "CKV_AISEC_110",
        "CKV_AISEC_111",
        "CKV_AISEC_112",
    )

    kms_key: aws.kms.Key | None
    execution_role: LeastPrivilegeRole
    domain: aws.sagemaker.Domain

    def __init__(
        self,
        name: str,
        *,
        vpc_id: pulumi.Input[str],
        subnet_ids: Sequence[pulumi.Input[str]],
        security_group_ids: Sequence[pulumi.Input[str]],
        domain_name: str | None = None,
        auth_mode: str = "IAM",
        kms_key_arn: pulumi.Input[str] | None = None,
        execution_role_statements: Sequence[Mapping[str, Any]] | Mapping[str, Any] | str = (),
        execution_role_managed_policy_arns: Sequence[str] = (),
        app_network_access_type: str = "VpcOnly",
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param vpc_id: The VPC Studio communicates through (required).
        :param subnet_ids: Subnets of that VPC for Studio's network interfaces; at least one (CKV_AISEC_6).
        :param security_group_ids: Security groups of the user apps; at least one (VpcOnly requires them).
        :param domain_name: The domain's name; ``name`` when omitted.
        :param auth_mode: ``IAM`` or ``SSO`` (IAM Identity Center).
        :param kms_key_arn: ARN of a customer-managed key for the EFS home volume; a new rotating key is created
            when omitted. AWS-managed keys are refused (CKV_AISEC_14).
        :param execution_role_statements: Identity-policy statements the execution role needs beyond using the
            key (read the training-data bucket, invoke models...). ``"*"``/``service:*`` actions (CKV_AISEC_8)
            or ``iam:PassRole`` (CKV_AISEC_110) on resource ``"*"`` are refused.
        :param execution_role_managed_policy_arns: Managed policies to attach to the execution role; broad
            AWS-managed ones such as AmazonSageMakerFullAccess are refused (CKV_AISEC_9).
        :param app_network_access_type: Only ``"VpcOnly"`` is accepted (CKV_AISEC_6); the argument exists so a
            program ported from ``aws.sagemaker.Domain`` gets a policy message.
        :param tags: Tags for every taggable child.
        """
        # -- validate everything before registering anything ---------------------------------------------
        v.require(
            app_network_access_type == "VpcOnly",
            v.STUDIO_VPC_ONLY,
            f"app_network_access_type is {app_network_access_type!r}; only 'VpcOnly' is accepted: give Studio "
            "internet access through your VPC (NAT gateway, VPC endpoints) instead",
        )
        v.require(
            vpc_id is not None and (v.is_output(vpc_id) or (isinstance(vpc_id, str) and bool(vpc_id.strip()))),
            v.STUDIO_VPC_ONLY,
            "vpc_id is empty: a VpcOnly domain needs the VPC its apps communicate through",
        )
        _check_ids(subnet_ids, "subnet_ids", v.STUDIO_VPC_ONLY, "a VpcOnly domain needs at least one subnet")
        _check_ids(
            security_group_ids,
            "security_group_ids",
            v.STUDIO_VPC_ONLY,
            "a VpcOnly domain's apps need at least one security group",
        )
        _check_customer_key(kms_key_arn, STUDIO_KMS)
        _check_role_statements(
            execution_role_statements, execution_role_managed_policy_arns, "execution_role_statements"
        )
        if auth_mode not in ("IAM", "SSO"):
            raise ValueError(f"auth_mode must be 'IAM' or 'SSO', got {auth_mode!r}")
        tags = dict(tags or {})

        super().__init__("aisec:sagemaker:SecureStudioDomain", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        self.kms_key = None
        if kms_key_arn is None:
            self.kms_key = v.new_rotating_key(f"{name}-key", f"Encrypts the SageMaker Studio domain {name}", self)
            kms_key_arn = self.kms_key.arn
        self.kms_key_arn: pulumi.Output[str] = pulumi.Output.from_input(kms_key_arn)

        extra = v.policy_statements(execution_role_statements, "execution_role_statements")
        self.execution_role = LeastPrivilegeRole(
            f"{name}-execution",
            service_principals=[SAGEMAKER_PRINCIPAL],
            statements=[*use_kms_key(kms_key_arn), *extra],
            managed_policy_arns=list(execution_role_managed_policy_arns),
            description=f"Execution role of the SageMaker Studio domain {name}",
            allow_source_identity=True,
            tags=tags or None,
            opts=child,
        )

        security_groups = list(security_group_ids)
        self.domain = aws.sagemaker.Domain(
            f"{name}-domain",
            domain_name=domain_name or name,
            auth_mode=auth_mode,
            vpc_id=vpc_id,
            subnet_ids=list(subnet_ids),
            app_network_access_type="VpcOnly",
            kms_key_id=kms_key_arn,
            default_user_settings=aws.sagemaker.DomainDefaultUserSettingsArgs(
                execution_role=self.execution_role.arn,
                security_groups=security_groups,
            ),
            # CloudTrail records which user profile acted under the shared execution role (CKV_AISEC_26).
            domain_settings=aws.sagemaker.DomainDomainSettingsArgs(
                security_group_ids=security_groups, execution_role_identity_config="USER_PROFILE_NAME"
            ),
            tags=tags or None,
            opts=child,
        )

        self.domain_id: pulumi.Output[str] = self.domain.id
        self.domain_arn: pulumi.Output[str] = self.domain.arn
        self.register_outputs(
            {
                "domain_id": self.domain.id,
                "domain_arn": self.domain.arn,
                "execution_role_arn": self.execution_role.arn,
                "kms_key_arn": self.kms_key_arn,
            }
        )


class SecureModelEndpoint(pulumi.ComponentResource):
    """A SageMaker real-time endpoint: isolated model in the caller's VPC, encrypted storage and data capture.

    Registers, as children:

    * ``kms_key``: a new customer-managed key with yearly rotation (CKV_AISEC_4), unless ``kms_key_arn`` is
      given (then ``None``); it encrypts the endpoint's storage volumes and the captured data;
    * ``capture_bucket`` (``SecureBucket`` on the same key, CKV_AISEC_1), unless ``data_capture_s3_uri`` is
      given (then ``None``);
    * ``model`` (``aws.sagemaker.Model``): ``enable_network_isolation=True`` and ``vpc_config`` with
      ``subnet_ids`` and ``security_group_ids``;
    * ``endpoint_config`` (``aws.sagemaker.EndpointConfiguration``): ``kms_key_arn`` set (see below), one
      production variant with at least two instances (unless ``allow_single_instance=True``), data capture
      enabled for requests and responses, encrypted with the key, to S3;
    * ``endpoint`` (``aws.sagemaker.Endpoint``).

    The execution role (``execution_role_arn``) must be able to pull the image, read the model data, use the
    key and write the capture prefix; build it with ``LeastPrivilegeRole``.

    Instance types with local NVMe instance storage (``ml.g5``, ``ml.g6``, ``ml.p5``, ``ml.trn1`` and every family
    with a "d" after the generation such as ``ml.g4dn`` or ``ml.p4d``) cannot take a storage key: the instance
    hardware encrypts that storage and SageMaker refuses ``KmsKeyId``. For them the endpoint configuration has no
    ``kms_key_arn`` (``storage_kms_key_applied`` is False); captured data is still encrypted with the key.
    """

    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_1",
        "CKV_AISEC_4",
        "CKV_AISEC_16",
        "CKV_AISEC_17",
        "CKV_AISEC_18",
        "CKV_AISEC_19",
        "CKV_AISEC_20",
        "CKV_AISEC_25",
        "CKV_AISEC_112",
        "CKV2_AISEC_1",
        "CKV2_AISEC_2",
        "CKV2_AISEC_3",
        "CKV2_AISEC_4",
    )

    kms_key: aws.kms.Key | None
    capture_bucket: SecureBucket | None
    model: aws.sagemaker.Model
    endpoint_config: aws.sagemaker.EndpointConfiguration
    endpoint: aws.sagemaker.Endpoint

    def __init__(
        self,
        name: str,
        *,
        image: pulumi.Input[str],
        execution_role_arn: pulumi.Input[str],
        subnet_ids: Sequence[pulumi.Input[str]],
        security_group_ids: Sequence[pulumi.Input[str]],
        model_data_url: pulumi.Input[str] | None = None,
        environment: Mapping[str, pulumi.Input[str]] | None = None,
        instance_type: str = "ml.m5.large",
        initial_instance_count: int = MIN_PRODUCTION_INSTANCES,
        allow_single_instance: bool = False,
        kms_key_arn: pulumi.Input[str] | None = None,
        data_capture_s3_uri: pulumi.Input[str] | None = None,
        data_capture_sampling_percentage: int = 100,
        enable_data_capture: bool = True,
        enable_network_isolation: bool = True,
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param image: The inference image (ECR URI).
        :param execution_role_arn: ARN of the role SageMaker assumes to pull the image and the model data.
        :param subnet_ids: Subnets for the model's network interfaces; at least one (CKV_AISEC_17).
        :param security_group_ids: Security groups of those interfaces; at least one (CKV_AISEC_17).
        :param model_data_url: S3 URI of the model artifacts (``s3://bucket/model.tar.gz``), if any.
        :param environment: Environment variables of the container.
        :param instance_type: ML instance type of the production variant.
        :param initial_instance_count: Instances of the production variant; at least two
            (``aisec-iac:endpoint-min-instances``) so that an instance or Availability Zone failure does not
            take the endpoint down, unless ``allow_single_instance=True``.
        :param allow_single_instance: Deliberate exception: accept ``initial_instance_count=1`` (development and
            test endpoints). Never the default.
        :param kms_key_arn: ARN of a customer-managed key for storage volumes and captured data; a new rotating
            key is created when omitted. AWS-managed keys are refused (CKV_AISEC_18, CKV_AISEC_20).
        :param data_capture_s3_uri: ``s3://`` destination of captured requests and responses; a ``SecureBucket``
            is created on the key when omitted.
        :param data_capture_sampling_percentage: Percentage of requests captured, 1-100.
        :param enable_data_capture: Only ``True`` is accepted (CKV_AISEC_19): captures are
            the record of what the model was asked and answered (abuse, drift and inversion investigations).
        :param enable_network_isolation: Only ``True`` is accepted (CKV_AISEC_16).
        :param tags: Tags for every taggable child.
        """
        # -- validate everything before registering anything ---------------------------------------------
        v.require(
            enable_network_isolation is True,
            MODEL_NETWORK_ISOLATION,
            "enable_network_isolation must be True: the model container may not make outbound calls; package "
            "what it needs into the image or the model data",
        )
        subnets = _check_ids(subnet_ids, "subnet_ids", MODEL_VPC_CONFIG, "the model must run in your VPC's subnets")
        security_groups = _check_ids(
            security_group_ids, "security_group_ids", MODEL_VPC_CONFIG, "the model's interfaces need a security group"
        )
        if not isinstance(instance_type, str) or has_local_storage(instance_type) is None:
            raise ValueError(f"instance_type must be an ML instance type such as 'ml.m5.large', got {instance_type!r}")
        # The key encrypts the storage volumes (CKV_AISEC_18) unless the instances have local NVMe storage, and
        # the captured data (CKV_AISEC_20) always.
        _check_customer_key(kms_key_arn, ENDPOINT_OUTPUT_KMS if has_local_storage(instance_type) else ENDPOINT_KMS)
        v.require(
            enable_data_capture is True,
            ENDPOINT_DATA_CAPTURE,
            "enable_data_capture must be True: captured requests and responses are the audit trail of the "
            "endpoint (lower data_capture_sampling_percentage to reduce volume)",
        )
        if (
            isinstance(data_capture_sampling_percentage, bool)
            or not isinstance(data_capture_sampling_percentage, int)
            or not 1 <= data_capture_sampling_percentage <= 100
        ):
            raise ValueError(
                f"data_capture_sampling_percentage must be an integer from 1 to 100, got "
                f"{data_capture_sampling_percentage!r}"
            )
        if (
            data_capture_s3_uri is not None
            and not v.is_output(data_capture_s3_uri)
            and not (isinstance(data_capture_s3_uri, str) and data_capture_s3_uri.startswith("s3://"))
        ):
            raise ValueError(
                f"data_capture_s3_uri must be an s3:// URI, got {data_capture_s3_uri!r}; omit it to create a "
                "capture bucket"
            )
        v.validate_positive_int(initial_instance_count, "initial_instance_count")
        if not isinstance(allow_single_instance, bool):
            raise TypeError("allow_single_instance must be a bool")
        v.require(
            initial_instance_count >= MIN_PRODUCTION_INSTANCES or allow_single_instance,
            ENDPOINT_MIN_INSTANCES,
            f"initial_instance_count is {initial_instance_count}; a production endpoint needs at least "
            f"{MIN_PRODUCTION_INSTANCES} instances (SageMaker spreads them across Availability Zones). Pass "
            "allow_single_instance=True for a development endpoint",
        )
        tags = dict(tags or {})

        super().__init__("aisec:sagemaker:SecureModelEndpoint", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        self.kms_key = None
        if kms_key_arn is None:
            self.kms_key = v.new_rotating_key(f"{name}-key", f"Encrypts the SageMaker endpoint {name}", self)
            kms_key_arn = self.kms_key.arn
        self.kms_key_arn: pulumi.Output[str] = pulumi.Output.from_input(kms_key_arn)

        self.capture_bucket = None
        if data_capture_s3_uri is None:
            self.capture_bucket = SecureBucket(f"{name}-captures", kms_key_arn=kms_key_arn, tags=tags, opts=child)
            data_capture_s3_uri = pulumi.Output.concat("s3://", self.capture_bucket.bucket_name, "/", name, "/")
        self.data_capture_s3_uri: pulumi.Output[str] = pulumi.Output.from_input(data_capture_s3_uri)

        self.model = aws.sagemaker.Model(
            f"{name}-model",
            execution_role_arn=execution_role_arn,
            primary_container=aws.sagemaker.ModelPrimaryContainerArgs(
                image=image,
                model_data_url=model_data_url,
                environment=dict(environment) if environment else None,
            ),
            enable_network_isolation=True,
            vpc_config=aws.sagemaker.ModelVpcConfigArgs(subnets=subnets, security_group_ids=security_groups),
            tags=tags or None,
            opts=child,
        )
        # SageMaker refuses a storage key for instance types whose local NVMe storage the hardware encrypts.
        self.storage_kms_key_applied: bool = not has_local_storage(instance_type)
        self.endpoint_config = aws.sagemaker.EndpointConfiguration(
            f"{name}-config",
            kms_key_arn=kms_key_arn if self.storage_kms_key_applied else None,
            production_variants=[
                aws.sagemaker.EndpointConfigurationProductionVariantArgs(
                    variant_name="primary",
                    model_name=self.model.name,
                    instance_type=instance_type,
                    initial_instance_count=initial_instance_count,
                    initial_variant_weight=1.0,
                )
            ],
            data_capture_config=aws.sagemaker.EndpointConfigurationDataCaptureConfigArgs(
                enable_capture=True,
                initial_sampling_percentage=data_capture_sampling_percentage,
                destination_s3_uri=data_capture_s3_uri,
                kms_key_id=kms_key_arn,
                capture_options=[
                    aws.sagemaker.EndpointConfigurationDataCaptureConfigCaptureOptionArgs(capture_mode=mode)
                    for mode in CAPTURE_MODES
                ],
            ),
            tags=tags or None,
            opts=child,
        )
        self.endpoint = aws.sagemaker.Endpoint(
            f"{name}-endpoint",
            endpoint_config_name=self.endpoint_config.name,
            tags=tags or None,
            opts=child,
        )

        self.endpoint_name: pulumi.Output[str] = self.endpoint.name
        self.endpoint_arn: pulumi.Output[str] = self.endpoint.arn
        self.register_outputs(
            {
                "endpoint_name": self.endpoint.name,
                "endpoint_arn": self.endpoint.arn,
                "model_name": self.model.name,
                "kms_key_arn": self.kms_key_arn,
                "data_capture_s3_uri": self.data_capture_s3_uri,
            }
        )
