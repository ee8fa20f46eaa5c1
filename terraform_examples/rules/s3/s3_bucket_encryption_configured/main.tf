# CKV2_AISEC_3: every S3 bucket has default encryption on a customer-managed KMS key, or SSE-S3 (AES256) when it
# receives S3 server access logs (S3 delivers them only to SSE-S3 buckets).
# Bucket and configuration names say the verdict each must get: pass_*, fail_*, unknown_* (a configuration whose
# bucket is here is judged on the bucket). A configuration whose bucket is a variable leaves every unmatched
# bucket of the module open, so that case is in tests/rules/test_s3_bucket_encryption_configured.py.

resource "aws_kms_key" "data" {
  description         = "training data and model artifacts"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "pass_configured_by_reference" {
  bucket = "example-training-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "pass_training_data" {
  bucket = aws_s3_bucket.pass_configured_by_reference.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}

resource "aws_s3_bucket" "pass_configured_by_name" {
  bucket = "example-model-artifacts"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "pass_model_artifacts" {
  bucket = "example-model-artifacts"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}

resource "aws_s3_bucket" "fail_no_configuration" {
  bucket = "example-inference-captures"
}

resource "aws_s3_bucket" "pass_legacy_inline_cmk" {
  bucket = "example-feature-store-offline"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.data.arn
      }
    }
  }
}

resource "aws_s3_bucket" "fail_legacy_inline_aes256" {
  bucket = "example-prompt-logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

# The rule judges the configuration's content itself, whether or not CKV_AISEC_1 runs.
resource "aws_s3_bucket" "fail_configured_aes256" {
  bucket = "example-evaluation-sets"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "unknown_evaluation_sets_reported_on_the_bucket" {
  bucket = aws_s3_bucket.fail_configured_aes256.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket" "fail_configured_aws_managed_key" {
  bucket = "example-embeddings"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "unknown_embeddings_reported_on_the_bucket" {
  bucket = aws_s3_bucket.fail_configured_aws_managed_key.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "alias/aws/s3"
    }
  }
}

# Server access logs of the training-data bucket go to a bucket on SSE-S3: the only encryption S3 log delivery
# supports.
resource "aws_s3_bucket" "pass_access_log_target" {
  bucket = "example-s3-access-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "pass_access_logs" {
  bucket = aws_s3_bucket.pass_access_log_target.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_logging" "training_data" {
  bucket        = aws_s3_bucket.pass_configured_by_reference.id
  target_bucket = aws_s3_bucket.pass_access_log_target.id
  target_prefix = "training-data/"
}

# A log bucket recognised by its policy, which lets the S3 logging service write (the grant AWS recommends).
resource "aws_s3_bucket" "pass_access_log_target_by_policy" {
  bucket = "example-s3-access-logs-replica"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "pass_access_logs_replica" {
  bucket = aws_s3_bucket.pass_access_log_target_by_policy.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "access_logs_replica" {
  bucket = aws_s3_bucket.pass_access_log_target_by_policy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "S3ServerAccessLogsPolicy"
      Effect    = "Allow"
      Principal = { Service = "logging.s3.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::example-s3-access-logs-replica/*"
    }]
  })
}

# A log target on SSE-KMS: S3 cannot deliver the access logs, so they are silently lost.
resource "aws_s3_bucket" "fail_access_log_target_on_kms" {
  bucket = "example-s3-access-logs-kms"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "unknown_access_logs_kms_reported_on_the_bucket" {
  bucket = aws_s3_bucket.fail_access_log_target_on_kms.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}

resource "aws_s3_bucket_logging" "model_artifacts" {
  bucket        = aws_s3_bucket.pass_configured_by_name.id
  target_bucket = "example-s3-access-logs-kms"
  target_prefix = "model-artifacts/"
}

# Configurations of buckets created elsewhere (a module given a bucket name) are judged on their own.
resource "aws_s3_bucket_server_side_encryption_configuration" "fail_shared_exports_aes256" {
  bucket = "example-shared-exports"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "pass_central_access_logs_aes256" {
  bucket = "example-central-access-logs"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_logging" "feature_store_offline" {
  bucket        = aws_s3_bucket.pass_legacy_inline_cmk.id
  target_bucket = "example-central-access-logs"
  target_prefix = "feature-store-offline/"
}
