# CKV_AISEC_20: Inference data that SageMaker endpoints write to S3 is encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "capture_key_arn" {
  type = string
}

resource "aws_kms_key" "inference" {
  description         = "sagemaker inference data"
  enable_key_rotation = true
}

resource "aws_sagemaker_endpoint_configuration" "pass_capture_with_key" {
  name        = "fraud-classifier"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }

  data_capture_config {
    initial_sampling_percentage = 25
    destination_s3_uri          = "s3://example-inference-data/capture/fraud-classifier"
    kms_key_id                  = aws_kms_key.inference.arn

    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_async_capture_and_core_dumps_with_keys" {
  name        = "document-summarizer"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "document-summarizer"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1

    core_dump_config {
      destination_s3_uri = "s3://example-inference-data/core-dumps/document-summarizer"
      kms_key_id         = "arn:aws:kms:us-east-1:111122223333:key/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"
    }
  }

  async_inference_config {
    output_config {
      s3_output_path = "s3://example-inference-data/async/document-summarizer"
      kms_key_id     = aws_kms_key.inference.arn
    }
  }

  data_capture_config {
    initial_sampling_percentage = 10
    destination_s3_uri          = "s3://example-inference-data/capture/document-summarizer"
    kms_key_id                  = aws_kms_key.inference.arn

    capture_options {
      capture_mode = "Input"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_nothing_written_to_s3" {
  name        = "sentiment-model"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "sentiment-model"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint_configuration" "pass_capture_disabled" {
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
    destination_s3_uri          = "s3://example-inference-data/capture/rag-reranker"

    capture_options {
      capture_mode = "Input"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_capture_without_key" {
  name        = "credit-scoring"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "credit-scoring"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }

  data_capture_config {
    initial_sampling_percentage = 50
    destination_s3_uri          = "s3://example-inference-data/capture/credit-scoring"

    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_async_output_without_key" {
  name        = "video-tagger"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "video-tagger"
    instance_type          = "ml.c5.2xlarge"
    initial_instance_count = 1
  }

  async_inference_config {
    output_config {
      s3_output_path  = "s3://example-inference-data/async/video-tagger"
      s3_failure_path = "s3://example-inference-data/async-failures/video-tagger"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "fail_core_dump_with_aws_managed_key" {
  name        = "speech-to-text"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "speech-to-text"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1

    core_dump_config {
      destination_s3_uri = "s3://example-inference-data/core-dumps/speech-to-text"
      kms_key_id         = "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "unknown_capture_key_from_variable" {
  name        = "configurable-capture"
  kms_key_arn = aws_kms_key.inference.arn

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-classifier"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }

  data_capture_config {
    initial_sampling_percentage = 10
    destination_s3_uri          = "s3://example-inference-data/capture/configurable"
    kms_key_id                  = var.capture_key_arn

    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}
