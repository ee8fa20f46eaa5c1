# CKV_AISEC_25: SageMaker endpoint variants do not allow SSM shell sessions into inference containers.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "debug_endpoint" {
  type = bool
}

resource "aws_sagemaker_endpoint_configuration" "pass_ssm_access_default" {
  name = "fraud-classifier"

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_ssm_access_disabled" {
  name = "churn-model"

  production_variants {
    variant_name           = "current"
    model_name             = "churn-model-v3"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
    enable_ssm_access      = false
  }

  shadow_production_variants {
    variant_name           = "candidate"
    model_name             = "churn-model-v4"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
    enable_ssm_access      = false
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_ssm_access_enabled" {
  name = "llm-chat"

  production_variants {
    variant_name           = "primary"
    model_name             = "llm-chat"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
    enable_ssm_access      = true
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_ssm_access_on_shadow_variant" {
  name = "sentiment-model"

  production_variants {
    variant_name           = "current"
    model_name             = "sentiment-model-v1"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }

  shadow_production_variants {
    variant_name           = "candidate"
    model_name             = "sentiment-model-v2"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
    enable_ssm_access      = true
  }
}

resource "aws_sagemaker_endpoint_configuration" "unknown_ssm_access_from_variable" {
  name = "configurable"

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
    enable_ssm_access      = var.debug_endpoint
  }
}
