# CKV2_AISEC_11: Bedrock invocation logs are stored encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input or a
# destination defined outside this configuration). Invocation logging is configured once per region, so each
# configuration and its destinations live in a region of their own.

variable "log_bucket_name" {
  type = string
}

resource "aws_kms_key" "bedrock_invocation_logs" {
  description         = "Bedrock invocation logs"
  enable_key_rotation = true
}

# -- us-east-1: CloudWatch Logs group with a customer-managed key ----------------------------------------------

resource "aws_cloudwatch_log_group" "bedrock_invocations_cmk" {
  region            = "us-east-1"
  name              = "/aws/bedrock/invocations"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.bedrock_invocation_logs.arn
}

resource "aws_bedrock_model_invocation_logging_configuration" "pass_log_group_cmk" {
  region = "us-east-1"
  logging_config {
    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.bedrock_invocations_cmk.name
      role_arn       = "arn:aws:iam::111122223333:role/bedrock-invocation-logging"
    }
  }
}

# -- us-west-2: S3 bucket with SSE-KMS under a customer-managed key --------------------------------------------

resource "aws_s3_bucket" "bedrock_logs_kms_usw2" {
  region = "us-west-2"
  bucket = "example-bedrock-logs-kms-usw2"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "bedrock_logs_kms_usw2" {
  region = "us-west-2"
  bucket = aws_s3_bucket.bedrock_logs_kms_usw2.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.bedrock_invocation_logs.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_bedrock_model_invocation_logging_configuration" "pass_bucket_cmk" {
  region = "us-west-2"
  logging_config {
    s3_config {
      bucket_name = aws_s3_bucket.bedrock_logs_kms_usw2.id
      key_prefix  = "invocations/"
    }
  }
}

# -- eu-west-1: log group and large-payload bucket, the bucket named literally ----------------------------------

resource "aws_cloudwatch_log_group" "bedrock_invocations_euw1" {
  region     = "eu-west-1"
  name       = "/aws/bedrock/invocations-euw1"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/4b3a2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d"
}

resource "aws_s3_bucket" "bedrock_large_payloads_euw1" {
  region = "eu-west-1"
  bucket = "example-bedrock-large-payloads-euw1"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "bedrock_large_payloads_euw1" {
  region = "eu-west-1"
  bucket = "example-bedrock-large-payloads-euw1"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/4b3a2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d"
    }
  }
}

resource "aws_bedrock_model_invocation_logging_configuration" "pass_log_group_and_large_payload_bucket" {
  region = "eu-west-1"
  logging_config {
    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.bedrock_invocations_euw1.name
      role_arn       = "arn:aws:iam::111122223333:role/bedrock-invocation-logging"
      large_data_delivery_s3_config {
        bucket_name = "example-bedrock-large-payloads-euw1"
      }
    }
  }
}

# -- eu-central-1: a log group without kms_key_id ---------------------------------------------------------------

resource "aws_cloudwatch_log_group" "bedrock_invocations_default_key" {
  region            = "eu-central-1"
  name              = "/aws/bedrock/invocations-euc1"
  retention_in_days = 90
}

resource "aws_bedrock_model_invocation_logging_configuration" "fail_log_group_without_kms_key" {
  region = "eu-central-1"
  logging_config {
    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.bedrock_invocations_default_key.name
      role_arn       = "arn:aws:iam::111122223333:role/bedrock-invocation-logging"
    }
  }
}

# -- ap-northeast-1: SSE-S3 --------------------------------------------------------------------------------------

resource "aws_s3_bucket" "bedrock_logs_sse_s3" {
  region = "ap-northeast-1"
  bucket = "example-bedrock-logs-apne1"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "bedrock_logs_sse_s3" {
  region = "ap-northeast-1"
  bucket = aws_s3_bucket.bedrock_logs_sse_s3.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_bedrock_model_invocation_logging_configuration" "fail_bucket_sse_s3" {
  region = "ap-northeast-1"
  logging_config {
    s3_config {
      bucket_name = aws_s3_bucket.bedrock_logs_sse_s3.id
    }
  }
}

# -- ca-central-1: a bucket without any default-encryption configuration ----------------------------------------

resource "aws_s3_bucket" "bedrock_logs_no_encryption_configuration" {
  region = "ca-central-1"
  bucket = "example-bedrock-logs-cac1"
}

resource "aws_bedrock_model_invocation_logging_configuration" "fail_bucket_without_encryption_configuration" {
  region = "ca-central-1"
  logging_config {
    s3_config {
      bucket_name = aws_s3_bucket.bedrock_logs_no_encryption_configuration.bucket
    }
  }
}

# -- no verdict --------------------------------------------------------------------------------------------------

# A log group managed by another stack: nothing here says how it is encrypted.
resource "aws_bedrock_model_invocation_logging_configuration" "unknown_log_group_elsewhere" {
  region = "ap-south-1"
  logging_config {
    cloudwatch_config {
      log_group_name = "/shared/bedrock/invocations"
      role_arn       = "arn:aws:iam::111122223333:role/bedrock-invocation-logging"
    }
  }
}

resource "aws_bedrock_model_invocation_logging_configuration" "unknown_bucket_from_variable" {
  region = "sa-east-1"
  logging_config {
    s3_config {
      bucket_name = var.log_bucket_name
    }
  }
}
