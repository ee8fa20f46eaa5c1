# CKV_AISEC_98: Inference data that SageMaker endpoints (awscc provider) write to S3 is encrypted with a
# customer-managed KMS key. Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict).
# In a plan, a kms_key_id inside an object that refers to another resource is left out and reads as unset (see
# the rule's description), so the examples name keys by ARN.

variable "capture_key_arn" {
  type = string
}

resource "awscc_sagemaker_endpoint_config" "pass_capture_cmk_arn" {
  endpoint_config_name = "classifier"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "classifier-v3"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }]
  data_capture_config = {
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://example-inference-capture/classifier"
    kms_key_id                  = "arn:aws:kms:us-east-1:111122223333:key/1b9e5c3a-7d2f-4e80-a6b4-5c1d8f3e9a27"
    capture_options             = [{ capture_mode = "Input" }, { capture_mode = "Output" }]
  }
}

resource "awscc_sagemaker_endpoint_config" "pass_async_output_cmk_arn" {
  endpoint_config_name = "transcriber"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "transcriber-v2"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }]
  async_inference_config = {
    output_config = {
      s3_output_path = "s3://example-async-results/transcriber"
      kms_key_id     = "arn:aws:kms:us-east-1:111122223333:key/1b9e5c3a-7d2f-4e80-a6b4-5c1d8f3e9a27"
    }
  }
}

# Capture switched off writes nothing to S3.
resource "awscc_sagemaker_endpoint_config" "pass_capture_disabled" {
  endpoint_config_name = "ranker"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "ranker-v7"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
  }]
  data_capture_config = {
    enable_capture              = false
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://example-inference-capture/ranker"
    capture_options             = [{ capture_mode = "Input" }]
  }
}

resource "awscc_sagemaker_endpoint_config" "fail_capture_without_key" {
  endpoint_config_name = "churn"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "churn-v1"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }]
  data_capture_config = {
    initial_sampling_percentage = 50
    destination_s3_uri          = "s3://example-inference-capture/churn"
    capture_options             = [{ capture_mode = "Input" }, { capture_mode = "Output" }]
  }
}

resource "awscc_sagemaker_endpoint_config" "fail_capture_aws_managed_key" {
  endpoint_config_name = "fraud"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "fraud-v4"
    instance_type          = "ml.c6i.large"
    initial_instance_count = 2
  }]
  data_capture_config = {
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://example-inference-capture/fraud"
    kms_key_id                  = "alias/aws/s3"
    capture_options             = [{ capture_mode = "Input" }]
  }
}

resource "awscc_sagemaker_endpoint_config" "fail_async_output_without_key" {
  endpoint_config_name = "summarizer"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "summarizer-v2"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }]
  async_inference_config = {
    output_config = {
      s3_output_path = "s3://example-async-results/summarizer"
    }
  }
}

resource "awscc_sagemaker_endpoint_config" "unknown_capture_key_from_variable" {
  endpoint_config_name = "search"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "search-v5"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }]
  data_capture_config = {
    initial_sampling_percentage = 10
    destination_s3_uri          = "s3://example-inference-capture/search"
    kms_key_id                  = var.capture_key_arn
    capture_options             = [{ capture_mode = "Input" }]
  }
}
