# CKV_AISEC_18: SageMaker endpoint configurations encrypt instance storage with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "inference_key_arn" {
  type = string
}

variable "inference_instance_type" {
  type = string
}

resource "aws_kms_key" "inference" {
  description         = "sagemaker endpoint volumes"
  enable_key_rotation = true
}

resource "aws_sagemaker_endpoint_configuration" "pass_key_reference" {
  name        = "fraud-classifier"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_key_arn_with_shadow_variant" {
  name        = "churn-model"
  kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"

  production_variants {
    variant_name           = "current"
    model_name             = "churn-model-v3"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
  }

  shadow_production_variants {
    variant_name           = "candidate"
    model_name             = "churn-model-v4"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_local_nvme_instance" {
  name = "llm-chat"

  production_variants {
    variant_name           = "primary"
    model_name             = "llm-chat"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_no_key" {
  name = "sentiment-model"

  production_variants {
    variant_name           = "primary"
    model_name             = "sentiment-model"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_aws_managed_key" {
  name        = "rag-reranker"
  kms_key_arn = "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"

  production_variants {
    variant_name           = "primary"
    model_name             = "rag-reranker"
    instance_type          = "ml.c6i.large"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint_configuration" "unknown_key_from_variable" {
  name        = "configurable-key"
  kms_key_arn = var.inference_key_arn

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint_configuration" "unknown_instance_type_from_variable" {
  name = "configurable-instance"

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = var.inference_instance_type
    initial_instance_count = 1
  }
}
