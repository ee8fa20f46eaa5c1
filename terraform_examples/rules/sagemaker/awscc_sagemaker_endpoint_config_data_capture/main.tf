# CKV_AISEC_97: SageMaker endpoint configurations (awscc provider) capture the requests and responses they serve.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# data_capture_config is an object attribute in awscc.

variable "capture_percentage" {
  type = number
}

resource "awscc_sagemaker_endpoint_config" "pass_capture_input_and_output" {
  endpoint_config_name = "classifier"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "classifier-v3"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }]
  data_capture_config = {
    enable_capture              = true
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://example-inference-capture/classifier"
    kms_key_id                  = "arn:aws:kms:us-east-1:111122223333:key/1b9e5c3a-7d2f-4e80-a6b4-5c1d8f3e9a27"
    capture_options = [
      { capture_mode = "Input" },
      { capture_mode = "Output" },
    ]
  }
}

# AWS enables capture when enable_capture is left out.
resource "awscc_sagemaker_endpoint_config" "pass_capture_enabled_by_default" {
  endpoint_config_name = "ranker"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "ranker-v7"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
  }]
  data_capture_config = {
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://example-inference-capture/ranker"
    capture_options             = [{ capture_mode = "Output" }]
  }
}

# Serverless endpoints do not support data capture.
resource "awscc_sagemaker_endpoint_config" "pass_serverless_only" {
  endpoint_config_name = "faq"
  production_variants = [{
    variant_name = "primary"
    model_name   = "faq-v1"
    serverless_config = {
      max_concurrency   = 5
      memory_size_in_mb = 2048
    }
  }]
}

resource "awscc_sagemaker_endpoint_config" "fail_no_data_capture" {
  endpoint_config_name = "churn"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "churn-v1"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }]
}

resource "awscc_sagemaker_endpoint_config" "fail_capture_disabled" {
  endpoint_config_name = "fraud"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "fraud-v4"
    instance_type          = "ml.c6i.large"
    initial_instance_count = 2
  }]
  data_capture_config = {
    enable_capture              = false
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://example-inference-capture/fraud"
    capture_options             = [{ capture_mode = "Input" }]
  }
}

resource "awscc_sagemaker_endpoint_config" "fail_zero_sampling" {
  endpoint_config_name = "pricing"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "pricing-v2"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }]
  data_capture_config = {
    initial_sampling_percentage = 0
    destination_s3_uri          = "s3://example-inference-capture/pricing"
    capture_options             = [{ capture_mode = "Input" }, { capture_mode = "Output" }]
  }
}

resource "awscc_sagemaker_endpoint_config" "unknown_sampling_from_variable" {
  endpoint_config_name = "search"
  production_variants = [{
    variant_name           = "primary"
    model_name             = "search-v5"
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }]
  data_capture_config = {
    initial_sampling_percentage = var.capture_percentage
    destination_s3_uri          = "s3://example-inference-capture/search"
    capture_options             = [{ capture_mode = "Input" }]
  }
}
