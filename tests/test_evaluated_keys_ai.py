"""The AI-workload rules (supply chain, literal secrets, Lambda permissions, Kubernetes Services, SageMaker
pipelines) point their findings at the attribute they judged, as ``tests/test_evaluated_keys.py`` checks for the
rules before them: each rule's examples are scanned with the real Checkov runners (Dockerfiles through
``aisec-iac scan``, which keeps the keys Checkov's Dockerfile runner drops), and each failing resource must carry
exactly the expected ``evaluated_keys``.

A whole JSON attribute is the key when the setting sits inside it (``container_definitions``,
``pipeline_definition``); a SageMaker model's container is ``primary_container`` or ``container``; manifests use
the manifest's keys and ``kubernetes_*`` resources Terraform's; KubeRay objects give none yet.
"""

from __future__ import annotations

import pytest

from policies.kubernetes import container_attribute
from tests.test_evaluated_keys import Keyed, scan_keys

EXPECTED: dict[str, Keyed] = {
    "CKV_AISEC_130": {
        ("aws_sagemaker_model.fail_lmi_option_in_second_container", ("container/environment",)),
        ("aws_sagemaker_model.fail_tgi_trust_remote_code", ("primary_container/environment",)),
        ("aws_sagemaker_model.fail_vllm_arguments_variable", ("primary_container/environment",)),
    },
    "CKV_AISEC_131": {
        ("aws_ecs_task_definition.fail_pipeline_in_entry_point", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_tgi_environment", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_vllm_flag", ("container_definitions",)),
    },
    "CKV_AISEC_132": {
        # trust_remote_code=True in the init container's command, not in its args.
        ("Deployment.inference.fail-init-download", ("spec/template/spec/containers/command",)),
        ("Deployment.inference.fail-tgi-env", ("spec/template/spec/containers/env",)),
        ("LLMInferenceService.models.fail-llmisvc-additional-args", ()),
        # Custom resources: a template's container has no one path; Ray's embedded settings do.
        ("RayJob.ray.fail-rayjob-entrypoint-flag", ("spec/entrypoint",)),
        ("RayJob.ray.fail-rayjob-submitter-remote-code", ()),
        ("RayService.ray.fail-rayservice-serve-config-env", ("spec/serveConfigV2",)),
        ("kubernetes_pod_v1.fail_lmi_environment", ("spec/container/env",)),
        ("kubernetes_pod_v1.fail_vllm_flag", ("spec/container/args",)),
    },
    "CKV_AISEC_133": {
        ("fail_download_runs_model_code_at_build.Dockerfile", ("RUN",)),
        ("fail_tgi_env.Dockerfile", ("ENV",)),
        ("fail_vllm_flag_in_cmd.Dockerfile", ("CMD",)),
    },
    "CKV_AISEC_134": {
        ("aws_sagemaker_model.fail_latest_in_account_ecr", ("primary_container/image",)),
        ("aws_sagemaker_model.fail_public_registry_tag", ("primary_container/image",)),
        ("aws_sagemaker_model.fail_untagged_second_container", ("container/image",)),
    },
    "CKV_AISEC_135": {
        ("aws_ecs_task_definition.fail_docker_hub_tag", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_latest_sidecar", ("container_definitions",)),
    },
    "CKV_AISEC_136": {
        ("Deployment.inference.fail-init-quay", ("spec/template/spec/containers/image",)),
        ("Deployment.inference.fail-no-tag", ("spec/template/spec/containers/image",)),
        ("LLMInferenceService.models.fail-llmisvc-prefill-public-tag", ()),
        ("RayCluster.ray.fail-raycluster-public-worker-tag", ()),
        ("kubernetes_pod_v1.fail_latest", ("spec/container/image",)),
        ("kubernetes_pod_v1.fail_public_tag", ("spec/container/image",)),
    },
    "CKV_AISEC_137": {
        ("fail_docker_hub_build_stage.Dockerfile", ("FROM",)),
        ("fail_latest_final_stage.Dockerfile", ("FROM",)),
        ("fail_no_tag_from_arg.Dockerfile", ("FROM",)),
    },
    "CKV_AISEC_138": {
        ("aws_sagemaker_model.fail_hub_model_downloaded_at_start", ("primary_container/environment",)),
        ("aws_sagemaker_model.fail_hub_model_with_network_isolation", ("primary_container/environment",)),
    },
    "CKV_AISEC_139": {
        ("aws_sagemaker_model.fail_api_key_by_name", ("container/environment",)),
        ("aws_sagemaker_model.fail_hugging_face_token", ("primary_container/environment",)),
    },
    "CKV_AISEC_140": {
        ("aws_ecs_task_definition.fail_aws_secret_access_key", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_openai_key_in_environment", ("container_definitions",)),
    },
    "CKV_AISEC_141": {
        ("aws_lambda_function.fail_anthropic_key", ("environment/variables",)),
        ("aws_lambda_function.fail_password_by_name", ("environment/variables",)),
    },
    "CKV_AISEC_142": {
        ("aws_sagemaker_notebook_instance_lifecycle_configuration.fail_wandb_key_in_on_create", ("on_create",)),
        ("aws_sagemaker_studio_lifecycle_config.fail_hub_login_with_token", ("studio_lifecycle_config_content",)),
    },
    "CKV_AISEC_143": {
        ("Deployment.inference.fail-aws-key-id", ("spec/template/spec/containers/env",)),
        ("Deployment.inference.fail-default-password", ("spec/template/spec/containers/env",)),
        ("Deployment.inference.fail-openai-key", ("spec/template/spec/containers/env",)),
        ("LLMInferenceService.models.fail-llmisvc-hub-token", ()),
        ("RayService.ray.fail-rayservice-serve-config-token", ("spec/serveConfigV2",)),
        ("RayService.ray.fail-rayservice-worker-token", ()),
        ("kubernetes_pod_v1.fail_hf_token_literal", ("spec/container/env",)),
        ("kubernetes_pod_v1.fail_key_in_args", ("spec/container/args",)),
    },
    "CKV_AISEC_150": {
        ("aws_lambda_permission.fail_no_source", ("source_arn",)),
        ("aws_lambda_permission.fail_source_arn_without_account", ("source_arn",)),
    },
    "CKV_AISEC_151": {
        ("RayCluster.ray.fail-raycluster-public-dashboard", ()),
        ("RayJob.ray.fail-rayjob-node-port-head", ()),
        ("RayService.ray.fail-rayservice-public-serve", ()),
        ("Service.inference.fail-public-model-server", ("spec/type",)),
        ("Service.monitoring.fail-world-source-range", ("spec/type",)),
        ("Service.ray.fail-node-port-dashboard", ("spec/type",)),
    },
    "CKV_AISEC_152": {
        ("aws_sagemaker_pipeline.fail_training_without_keys", ("pipeline_definition",)),
        ("aws_sagemaker_pipeline.fail_transform_aws_managed_key_in_condition", ("pipeline_definition",)),
    },
    "CKV_AISEC_153": {
        ("aws_sagemaker_pipeline.fail_processing_default", ("pipeline_definition",)),
        ("aws_sagemaker_pipeline.fail_tuning_job_not_isolated", ("pipeline_definition",)),
    },
    "CKV_AISEC_154": {
        ("aws_sagemaker_pipeline.fail_distributed_processing", ("pipeline_definition",)),
    },
    "CKV_AISEC_155": {
        ("aws_sagemaker_pipeline.fail_processing_without_security_groups", ("pipeline_definition",)),
        ("aws_sagemaker_pipeline.fail_training_outside_vpc", ("pipeline_definition",)),
    },
}


@pytest.mark.parametrize("rule_id", sorted(EXPECTED, key=lambda rule_id: int(rule_id.rsplit("_", 1)[1])))
def test_failing_examples_point_at_the_attribute(rule_id: str) -> None:
    assert scan_keys(rule_id) == EXPECTED[rule_id]


@pytest.mark.parametrize(
    ("resource_type", "key", "path"),
    [
        ("Pod", "env", "spec/containers/env"),
        ("CronJob", "image", "spec/jobTemplate/spec/template/spec/containers/image"),
        ("kubernetes_deployment_v1", "args", "spec/template/spec/container/args"),
        ("kubernetes_cron_job", "command", "spec/job_template/spec/template/spec/container/command"),
        ("RayCluster", "image", None),
    ],
)
def test_container_attribute(resource_type: str, key: str, path: str | None) -> None:
    assert container_attribute(resource_type, key) == path
