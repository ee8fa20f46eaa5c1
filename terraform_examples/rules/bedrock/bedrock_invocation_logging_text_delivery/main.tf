# CKV_AISEC_36: Bedrock model invocation logging delivers text prompts and responses to a log destination.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# Invocation logging is configured once per region, so each configuration here names its own region
# (AWS provider 6 `region` argument); CKV2_AISEC_10 matches Bedrock resources to configurations by region.

variable "invocation_log_group" {
  type = string
}

resource "aws_kms_key" "bedrock_logs_text_delivery" {
  description         = "Bedrock invocation logs"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "bedrock_invocations_use1" {
  name              = "/aws/bedrock/invocations/us-east-1"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.bedrock_logs_text_delivery.arn
}

# Text delivery is on by default.
resource "aws_bedrock_model_invocation_logging_configuration" "pass_cloudwatch" {
  region = "us-east-1"
  logging_config {
    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.bedrock_invocations_use1.name
      role_arn       = "arn:aws:iam::111122223333:role/bedrock-invocation-logging"
    }
  }
}

resource "aws_bedrock_model_invocation_logging_configuration" "pass_s3" {
  region = "us-west-2"
  logging_config {
    text_data_delivery_enabled      = true
    embedding_data_delivery_enabled = false
    s3_config {
      bucket_name = "example-bedrock-invocation-logs-usw2"
      key_prefix  = "invocations/"
    }
  }
}

# Only embeddings and images are logged: the prompts and responses themselves are not.
resource "aws_bedrock_model_invocation_logging_configuration" "fail_text_disabled" {
  region = "eu-west-1"
  logging_config {
    text_data_delivery_enabled      = false
    embedding_data_delivery_enabled = true
    image_data_delivery_enabled     = true
    s3_config {
      bucket_name = "example-bedrock-invocation-logs-euw1"
    }
  }
}

resource "aws_bedrock_model_invocation_logging_configuration" "unknown_log_group_from_variable" {
  region = "ap-northeast-1"
  logging_config {
    cloudwatch_config {
      log_group_name = var.invocation_log_group
      role_arn       = "arn:aws:iam::111122223333:role/bedrock-invocation-logging"
    }
  }
}
