# CKV_AISEC_19: SageMaker endpoint configurations capture the requests and responses they serve.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "capture_sampling_percentage" {
  type = number
}

resource "aws_kms_key" "inference" {
  description         = "sagemaker inference data"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "capture" {
  bucket = "example-inference-capture"
}

resource "aws_sagemaker_endpoint_configuration" "pass_capture_enabled" {
  name        = "fraud-classifier"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }

  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 25
    destination_s3_uri          = "s3://${aws_s3_bucket.capture.bucket}/fraud-classifier"
    kms_key_id                  = aws_kms_key.inference.arn

    capture_options {
      capture_mode = "Input"
    }
    capture_options {
      capture_mode = "Output"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_capture_enabled_by_default" {
  name        = "churn-model"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "churn-model"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
  }

  data_capture_config {
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://example-inference-capture/churn-model"
    kms_key_id                  = aws_kms_key.inference.arn

    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_serverless_only" {
  name = "faq-embeddings"

  production_variants {
    variant_name = "primary"
    model_name   = "faq-embeddings"

    serverless_config {
      max_concurrency   = 5
      memory_size_in_mb = 3072
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_no_capture" {
  name        = "sentiment-model"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "sentiment-model"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_capture_disabled" {
  name        = "rag-reranker"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "rag-reranker"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }

  data_capture_config {
    enable_capture              = false
    initial_sampling_percentage = 10
    destination_s3_uri          = "s3://example-inference-capture/rag-reranker"

    capture_options {
      capture_mode = "Input"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_zero_sampling" {
  name        = "credit-scoring"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "credit-scoring"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }

  data_capture_config {
    initial_sampling_percentage = 0
    destination_s3_uri          = "s3://example-inference-capture/credit-scoring"

    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "unknown_sampling_from_variable" {
  name        = "configurable-capture"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }

  data_capture_config {
    initial_sampling_percentage = var.capture_sampling_percentage
    destination_s3_uri          = "s3://example-inference-capture/configurable"

    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}
