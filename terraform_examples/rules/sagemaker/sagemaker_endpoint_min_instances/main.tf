# CKV_AISEC_156: SageMaker endpoint production variants run at least two instances.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "instance_count" {
  type = number
}

resource "aws_kms_key" "inference" {
  description         = "sagemaker inference storage"
  enable_key_rotation = true
}

resource "aws_sagemaker_endpoint_configuration" "pass_two_instances" {
  name        = "fraud-classifier"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }
}

# Every variant counts: a canary variant also serves live traffic.
resource "aws_sagemaker_endpoint_configuration" "pass_every_variant_redundant" {
  name        = "ranker-canary"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "current"
    model_name             = "ranker-v7"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 4
    initial_variant_weight = 0.9
  }

  production_variants {
    variant_name           = "candidate"
    model_name             = "ranker-v8"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 2
    initial_variant_weight = 0.1
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_serverless" {
  name = "embedding-serverless"

  production_variants {
    variant_name = "primary"
    model_name   = "text-embedder"

    serverless_config {
      max_concurrency   = 5
      memory_size_in_mb = 2048
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_managed_scaling_minimum_two" {
  name        = "llm-chat"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "llm-chat"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 2

    managed_instance_scaling {
      status             = "ENABLED"
      min_instance_count = 2
      max_instance_count = 6
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_single_instance" {
  name        = "churn-model"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "churn-model"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
  }
}

# The candidate variant runs on one instance: its share of requests fails with it.
resource "aws_sagemaker_endpoint_configuration" "fail_single_instance_canary" {
  name        = "ranker-canary-thin"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "current"
    model_name             = "ranker-v7"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 3
    initial_variant_weight = 0.9
  }

  production_variants {
    variant_name           = "candidate"
    model_name             = "ranker-v8"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
    initial_variant_weight = 0.1
  }
}

# Managed instance scaling may scale the variant down to its minimum, whatever it starts with.
resource "aws_sagemaker_endpoint_configuration" "fail_managed_scaling_minimum_one" {
  name        = "llm-summarizer"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "llm-summarizer"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 2

    managed_instance_scaling {
      status             = "ENABLED"
      min_instance_count = 1
      max_instance_count = 4
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "unknown_count_from_variable" {
  name        = "tunable-endpoint"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "tunable-model"
    instance_type          = "ml.m5.large"
    initial_instance_count = var.instance_count
  }
}
