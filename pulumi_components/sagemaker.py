"""SageMaker components: ``SecureNotebook``, ``SecureStudioDomain`` and ``SecureModelEndpoint``.

Each describes its children once; before anything is registered the catalog judges them, and the first
failing rule is raised as ``PolicyViolation`` with its ID (CKV_AISEC_5 notebook private, CKV_AISEC_6 Studio
VpcOnly, CKV_AISEC_11/12/13 notebook KMS, root access, IMDSv2, CKV_AISEC_14 Studio KMS, CKV_AISEC_16/17 model
network isolation and VPC, CKV_AISEC_18/19/20 endpoint storage KMS, data capture, capture KMS, CKV_AISEC_156
endpoint instances, CKV_AISEC_8/9/110 for the Studio execution role...).

The argument names that mirror pulumi-aws properties (``direct_internet_access``, ``root_access``,
``app_network_access_type``, ``enable_network_isolation``) are passed to the children as given, so that a
program ported from raw pulumi-aws gets the rule's verdict rather than a ``TypeError``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from policies.sagemaker_values import has_local_storage
from pulumi_components import _validation as v
from pulumi_components._plan import AisecComponent, AsOutput, Plan, concat
from pulumi_components.bucket import SecureBucket
from pulumi_components.iam import LeastPrivilegeRole, use_kms_key

SAGEMAKER_PRINCIPAL = "sagemaker.amazonaws.com"
CAPTURE_MODES = ("Input", "Output")
MIN_PRODUCTION_INSTANCES = 2
# The catalog rule a deliberate single-instance endpoint (``allow_single_instance=True``) is exempt from.
MIN_INSTANCES_RULE = "CKV_AISEC_156"


def _ids(values: Any, what: str, required_because: str | None = None) -> list[Any]:
    """A list of IDs (subnets, security groups); items may be ``Output``s. ``required_because`` names the
    SageMaker API requirement that makes an empty list invalid; where the API accepts one, whether it is
    safe is the catalog's judgment."""
    v.require_plain(values, what)
    items = v.as_list(values)
    if not all(isinstance(item, pulumi.Output) or (isinstance(item, str) and item.strip()) for item in items):
        raise ValueError(f"{what} must be a list of non-empty IDs, got {values!r}")
    if required_because and not items:
        raise ValueError(f"{what} is empty: {required_because}")
    return items


class SecureNotebook(AisecComponent):
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
        "CKV2_AISEC_45",
    )

    TYPE: ClassVar[str] = "aisec:sagemaker:SecureNotebook"
    OUTPUTS: ClassVar[tuple[str, ...]] = ("notebook_arn", "notebook_name", "kms_key_arn")

    kms_key: aws.kms.Key | None
    notebook: aws.sagemaker.NotebookInstance
    kms_key_arn: pulumi.Output[str]
    notebook_arn: pulumi.Output[str]
    notebook_name: pulumi.Output[str]

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
        self._construct(
            name,
            opts,
            instance_type=instance_type,
            role_arn=role_arn,
            subnet_id=subnet_id,
            security_group_ids=security_group_ids,
            kms_key_arn=kms_key_arn,
            notebook_name=notebook_name,
            volume_size=volume_size,
            platform_identifier=platform_identifier,
            lifecycle_config_name=lifecycle_config_name,
            default_code_repository=default_code_repository,
            direct_internet_access=direct_internet_access,
            root_access=root_access,
            minimum_instance_metadata_service_version=minimum_instance_metadata_service_version,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
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
    ) -> dict[str, Any]:
        security_groups = _ids(
            security_group_ids, "security_group_ids", "SageMaker needs security groups for a notebook in a subnet"
        )
        kms_key_arn = v.key_arn(kms_key_arn)
        v.validate_positive_int(volume_size, "volume_size")
        if not isinstance(instance_type, str) or not instance_type.startswith("ml."):
            raise ValueError(f"instance_type must be an ML instance type such as 'ml.t3.medium', got {instance_type!r}")
        tags = dict(tags or {})

        kms_key = None
        if kms_key_arn is None:
            kms_key = v.rotating_key(plan, f"{name}-key", f"Encrypts the SageMaker notebook {name}")
            kms_key_arn = kms_key.arn

        notebook = plan.add(
            aws.sagemaker.NotebookInstance,
            f"{name}-notebook",
            name=notebook_name,
            instance_type=instance_type,
            role_arn=role_arn,
            subnet_id=subnet_id,
            security_groups=security_groups,
            direct_internet_access=direct_internet_access,
            root_access=root_access,
            instance_metadata_service_configuration=aws.sagemaker.NotebookInstanceInstanceMetadataServiceConfigurationArgs(
                minimum_instance_metadata_service_version=str(minimum_instance_metadata_service_version)
            ),
            kms_key_id=kms_key_arn,
            volume_size=volume_size,
            platform_identifier=platform_identifier,
            lifecycle_config_name=lifecycle_config_name,
            default_code_repository=default_code_repository,
            tags=tags or None,
        )
        return {
            "kms_key": kms_key,
            "notebook": notebook,
            "kms_key_arn": AsOutput(kms_key_arn),
            "notebook_arn": notebook.arn,
            "notebook_name": notebook.name,
        }


class SecureStudioDomain(AisecComponent):
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
        "CKV_AISEC_158",
        "CKV_AISEC_111",
        "CKV_AISEC_112",
        "CKV2_AISEC_30",
    )

    TYPE: ClassVar[str] = "aisec:sagemaker:SecureStudioDomain"
    OUTPUTS: ClassVar[tuple[str, ...]] = ("domain_id", "domain_arn", "execution_role_arn", "kms_key_arn")

    kms_key: aws.kms.Key | None
    execution_role: LeastPrivilegeRole
    domain: aws.sagemaker.Domain
    kms_key_arn: pulumi.Output[str]
    domain_id: pulumi.Output[str]
    domain_arn: pulumi.Output[str]
    execution_role_arn: pulumi.Output[str]

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
        :param subnet_ids: Subnets of that VPC for Studio's network interfaces; at least one, which SageMaker requires.
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
        self._construct(
            name,
            opts,
            vpc_id=vpc_id,
            subnet_ids=subnet_ids,
            security_group_ids=security_group_ids,
            domain_name=domain_name,
            auth_mode=auth_mode,
            kms_key_arn=kms_key_arn,
            execution_role_statements=execution_role_statements,
            execution_role_managed_policy_arns=execution_role_managed_policy_arns,
            app_network_access_type=app_network_access_type,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
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
    ) -> dict[str, Any]:
        if not (v.is_output(vpc_id) or (isinstance(vpc_id, str) and vpc_id.strip())):
            raise ValueError(f"vpc_id must name the VPC the domain communicates through, got {vpc_id!r}")
        subnets = _ids(subnet_ids, "subnet_ids", "SageMaker needs the subnets of a domain")
        security_groups = _ids(
            security_group_ids, "security_group_ids", "SageMaker needs security groups for a VpcOnly domain's apps"
        )
        kms_key_arn = v.key_arn(kms_key_arn)
        extra = v.policy_statements(execution_role_statements, "execution_role_statements", identity=True)
        if auth_mode not in ("IAM", "SSO"):
            raise ValueError(f"auth_mode must be 'IAM' or 'SSO', got {auth_mode!r}")
        tags = dict(tags or {})

        kms_key = None
        if kms_key_arn is None:
            kms_key = v.rotating_key(plan, f"{name}-key", f"Encrypts the SageMaker Studio domain {name}")
            kms_key_arn = kms_key.arn

        execution_role = plan.nest(
            LeastPrivilegeRole,
            f"{name}-execution",
            service_principals=[SAGEMAKER_PRINCIPAL],
            statements=[*use_kms_key(kms_key_arn), *extra],
            managed_policy_arns=list(execution_role_managed_policy_arns),
            description=f"Execution role of the SageMaker Studio domain {name}",
            allow_source_identity=True,
            tags=tags or None,
        )
        domain = plan.add(
            aws.sagemaker.Domain,
            f"{name}-domain",
            domain_name=domain_name or name,
            auth_mode=auth_mode,
            vpc_id=vpc_id,
            subnet_ids=subnets,
            app_network_access_type=app_network_access_type,
            kms_key_id=kms_key_arn,
            default_user_settings=aws.sagemaker.DomainDefaultUserSettingsArgs(
                execution_role=execution_role.arn,
                security_groups=security_groups,
            ),
            # CloudTrail records which user profile acted under the shared execution role (CKV_AISEC_26).
            domain_settings=aws.sagemaker.DomainDomainSettingsArgs(
                security_group_ids=security_groups, execution_role_identity_config="USER_PROFILE_NAME"
            ),
            tags=tags or None,
        )
        return {
            "kms_key": kms_key,
            "execution_role": execution_role,
            "domain": domain,
            "kms_key_arn": AsOutput(kms_key_arn),
            "domain_id": domain.id,
            "domain_arn": domain.arn,
            "execution_role_arn": execution_role.arn,
        }


class SecureModelEndpoint(AisecComponent):
    """A SageMaker real-time endpoint: isolated model in the caller's VPC, encrypted storage and data capture.

    Registers, as children:

    * ``kms_key``: a new customer-managed key with yearly rotation (CKV_AISEC_4), unless ``kms_key_arn`` is
      given (then ``None``); it encrypts the endpoint's storage volumes and the captured data;
    * ``capture_bucket`` (``SecureBucket`` on the same key, CKV_AISEC_1), unless ``data_capture_s3_uri`` is
      given (then ``None``);
    * ``model`` (``aws.sagemaker.Model``): ``enable_network_isolation=True`` and ``vpc_config`` with
      ``subnet_ids`` and ``security_group_ids``;
    * ``endpoint_config`` (``aws.sagemaker.EndpointConfiguration``): ``kms_key_arn`` set (see below), one
      production variant with at least two instances (CKV_AISEC_156, unless ``allow_single_instance=True``),
      data capture enabled for requests and responses, encrypted with the key, to S3;
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
        "CKV_AISEC_130",
        "CKV_AISEC_134",
        "CKV_AISEC_138",
        "CKV_AISEC_139",
        "CKV_AISEC_156",
        "CKV2_AISEC_1",
        "CKV2_AISEC_2",
        "CKV2_AISEC_3",
        "CKV2_AISEC_4",
        "CKV2_AISEC_46",
    )

    TYPE: ClassVar[str] = "aisec:sagemaker:SecureModelEndpoint"
    OUTPUTS: ClassVar[tuple[str, ...]] = (
        "endpoint_name",
        "endpoint_arn",
        "model_name",
        "kms_key_arn",
        "data_capture_s3_uri",
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
        :param image: The inference image, pinned (CKV_AISEC_134): an explicit version tag in a private ECR
            registry (``<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<version>``: yours, or AWS's prebuilt
            SageMaker images) or any image by ``@sha256:<digest>``; ``latest``, no tag, and a tag on Docker Hub,
            ghcr.io or ECR Public are refused.
        :param execution_role_arn: ARN of the role SageMaker assumes to pull the image and the model data.
        :param subnet_ids: Subnets for the model's network interfaces (its VpcConfig, CKV_AISEC_17); at least
            one, which SageMaker requires.
        :param security_group_ids: Security groups of those interfaces; at least one, which SageMaker requires.
        :param model_data_url: S3 URI of the model artifacts (``s3://bucket/model.tar.gz``), if any; SageMaker
            mounts them at ``/opt/ml/model``. Weights downloaded from the Hugging Face Hub at start-up (``HF_MODEL_ID``
            naming a Hub repository) fail CKV_AISEC_138: copy the model to S3 and set ``HF_MODEL_ID=/opt/ml/model``.
        :param environment: Environment variables of the container, never secrets: a credential-shaped value or a
            literal in a credential-named variable (``HF_TOKEN``, ``*_API_KEY``) fails CKV_AISEC_139 (pass a Secrets
            Manager ARN instead), and a ``TRUST_REMOTE_CODE`` switch turned on fails CKV_AISEC_130.
        :param instance_type: ML instance type of the production variant.
        :param initial_instance_count: Instances of the production variant; fewer than two fails CKV_AISEC_156
            (an instance or Availability Zone failure would take the endpoint down), unless
            ``allow_single_instance=True``.
        :param allow_single_instance: Deliberate exception: CKV_AISEC_156 does not refuse this endpoint, so
            ``initial_instance_count=1`` is accepted (development and test endpoints), as a Checkov skip with a
            reason would accept it in Terraform. Never the default; policy packs that judge the whole program
            (CrossGuard) still report the endpoint configuration.
        :param kms_key_arn: ARN of a customer-managed key for storage volumes and captured data; a new rotating
            key is created when omitted. AWS-managed keys are refused (CKV_AISEC_18, CKV_AISEC_20).
        :param data_capture_s3_uri: ``s3://`` destination of captured requests and responses; a ``SecureBucket``
            is created on the key when omitted.
        :param data_capture_sampling_percentage: Percentage of requests captured, 0-100 (0 fails CKV_AISEC_19).
        :param enable_data_capture: ``False`` fails CKV_AISEC_19: captures are
            the record of what the model was asked and answered (abuse, drift and inversion investigations).
        :param enable_network_isolation: ``False`` fails CKV_AISEC_16.
        :param tags: Tags for every taggable child.
        """
        self._construct(
            name,
            opts,
            image=image,
            execution_role_arn=execution_role_arn,
            subnet_ids=subnet_ids,
            security_group_ids=security_group_ids,
            model_data_url=model_data_url,
            environment=environment,
            instance_type=instance_type,
            initial_instance_count=initial_instance_count,
            allow_single_instance=allow_single_instance,
            kms_key_arn=kms_key_arn,
            data_capture_s3_uri=data_capture_s3_uri,
            data_capture_sampling_percentage=data_capture_sampling_percentage,
            enable_data_capture=enable_data_capture,
            enable_network_isolation=enable_network_isolation,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
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
    ) -> dict[str, Any]:
        subnets = _ids(subnet_ids, "subnet_ids", "SageMaker needs at least one subnet in a model's VpcConfig")
        security_groups = _ids(
            security_group_ids, "security_group_ids", "SageMaker needs a security group in a model's VpcConfig"
        )
        if not isinstance(instance_type, str) or has_local_storage(instance_type) is None:
            raise ValueError(f"instance_type must be an ML instance type such as 'ml.m5.large', got {instance_type!r}")
        kms_key_arn = v.key_arn(kms_key_arn)
        for flag, what in (
            (enable_data_capture, "enable_data_capture"),
            (enable_network_isolation, "enable_network_isolation"),
            (allow_single_instance, "allow_single_instance"),
        ):
            if not isinstance(flag, bool):
                raise TypeError(f"{what} must be True or False, got {flag!r}")
        if (
            isinstance(data_capture_sampling_percentage, bool)
            or not isinstance(data_capture_sampling_percentage, int)
            or not 0 <= data_capture_sampling_percentage <= 100
        ):
            raise ValueError(
                f"data_capture_sampling_percentage must be an integer from 0 to 100, got "
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
        if allow_single_instance:
            # The caller's named exception, like a Checkov skip with a reason: the rule still judges the
            # endpoint configuration, its FAIL does not refuse this component.
            plan.judged_elsewhere[MIN_INSTANCES_RULE] = "allow_single_instance=True: a deliberate development endpoint"
        tags = dict(tags or {})

        kms_key = None
        if kms_key_arn is None:
            kms_key = v.rotating_key(plan, f"{name}-key", f"Encrypts the SageMaker endpoint {name}")
            kms_key_arn = kms_key.arn

        capture_bucket = None
        if data_capture_s3_uri is None:
            capture_bucket = plan.nest(SecureBucket, f"{name}-captures", kms_key_arn=kms_key_arn, tags=tags)
            data_capture_s3_uri = concat("s3://", capture_bucket.bucket_name, "/", name, "/")

        model = plan.add(
            aws.sagemaker.Model,
            f"{name}-model",
            execution_role_arn=execution_role_arn,
            primary_container=aws.sagemaker.ModelPrimaryContainerArgs(
                image=image,
                model_data_url=model_data_url,
                environment=dict(environment) if environment else None,
            ),
            enable_network_isolation=enable_network_isolation,
            vpc_config=aws.sagemaker.ModelVpcConfigArgs(subnets=subnets, security_group_ids=security_groups),
            tags=tags or None,
        )
        # SageMaker refuses a storage key for instance types whose local NVMe storage the hardware encrypts.
        storage_kms_key_applied = not has_local_storage(instance_type)
        endpoint_config = plan.add(
            aws.sagemaker.EndpointConfiguration,
            f"{name}-config",
            kms_key_arn=kms_key_arn if storage_kms_key_applied else None,
            production_variants=[
                aws.sagemaker.EndpointConfigurationProductionVariantArgs(
                    variant_name="primary",
                    model_name=model.name,
                    instance_type=instance_type,
                    initial_instance_count=initial_instance_count,
                    initial_variant_weight=1.0,
                )
            ],
            data_capture_config=aws.sagemaker.EndpointConfigurationDataCaptureConfigArgs(
                enable_capture=enable_data_capture,
                initial_sampling_percentage=data_capture_sampling_percentage,
                destination_s3_uri=data_capture_s3_uri,
                kms_key_id=kms_key_arn,
                capture_options=[
                    aws.sagemaker.EndpointConfigurationDataCaptureConfigCaptureOptionArgs(capture_mode=mode)
                    for mode in CAPTURE_MODES
                ],
            ),
            tags=tags or None,
        )
        endpoint = plan.add(
            aws.sagemaker.Endpoint,
            f"{name}-endpoint",
            endpoint_config_name=endpoint_config.name,
            tags=tags or None,
        )
        return {
            "kms_key": kms_key,
            "capture_bucket": capture_bucket,
            "model": model,
            "endpoint_config": endpoint_config,
            "endpoint": endpoint,
            "storage_kms_key_applied": storage_kms_key_applied,
            "kms_key_arn": AsOutput(kms_key_arn),
            "data_capture_s3_uri": AsOutput(data_capture_s3_uri),
            "endpoint_name": endpoint.name,
            "endpoint_arn": endpoint.arn,
            "model_name": model.name,
        }
