# CKV_AISEC_96: SageMaker endpoint configurations (awscc provider) encrypt instance storage with a customer-managed
# KMS key. Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "inference_key_arn" {
  type = string
}

variable "inference_instance_type" {
  type = string
}

resource "awscc_kms_key" "inference" {
  description         = "SageMaker inference storage"
  enable_key_rotation = true
}

resource "awscc_sagemaker_endpoint_config" "pass_cmk_reference" {
  endpoint_config_name = "classifier"
  kms_key_id           = awscc_kms_key.inference.arn
  production_variants = [{
    variant_name           = "primary"
    model_name             = "classifier-v3"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }]
}

resource "awscc_sagemaker_endpoint_config" "pass_cmk_arn" {
  endpoint_config_name = "ranker"
  kms_key_id           = "arn:aws:kms:us-east-1:111122223333:key/4d6f8a2c-1e3b-4c75-9a0d-7b2e5f1c8d36"
  production_variants = [
    {
      variant_name           = "current"
      model_name             = "ranker-v7"
      instance_type          = "ml.c5.xlarge"
      initial_instance_count = 2
      initial_variant_weight = 0.9
    },
    {
      variant_name           = "candidate"
      model_name             = "ranker-v8"
      instance_type          = "ml.c5.xlarge"
      initial_instance_count = 1
      initial_variant_weight = 0.1
    },
  ]
}

# ml.g5 instances have local NVMe storage, which the hardware encrypts; SageMaker accepts no key for it.
resource "awscc_sagemaker_endpoint_config" "pass_local_nvme_instance" {
  endpoint_config_name = "summarizer"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "summarizer-v2"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }]
}

# Without kms_key_id the storage volumes are encrypted with a key AWS manages.
resource "awscc_sagemaker_endpoint_config" "fail_no_key" {
  endpoint_config_name = "churn"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "churn-v1"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }]
}

resource "awscc_sagemaker_endpoint_config" "fail_aws_managed_alias" {
  endpoint_config_name = "fraud"
  kms_key_id           = "alias/aws/sagemaker"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "fraud-v4"
    instance_type          = "ml.c6i.large"
    initial_instance_count = 2
  }]
}

resource "awscc_sagemaker_endpoint_config" "unknown_key_from_variable" {
  endpoint_config_name = "pricing"
  kms_key_id           = var.inference_key_arn
  production_variants = [{
    variant_name           = "primary"
    model_name             = "pricing-v2"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }]
}

# No key, and whether the instance type takes one is not known at plan time.
resource "awscc_sagemaker_endpoint_config" "unknown_instance_type_from_variable" {
  endpoint_config_name = "search"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "search-v5"
    instance_type          = var.inference_instance_type
    initial_instance_count = 1
  }]
}
