# CKV2_AISEC_3: every S3 bucket has a default-encryption configuration on a customer-managed key.
# Bucket names say the verdict each must get: pass_* or fail_*. A configuration whose bucket is a variable
# leaves every unmatched bucket of the module open, so that case is in tests/rules/test_s3_bucket_encryption_configured.py.

resource "aws_kms_key" "data" {
  description         = "training data and model artifacts"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "pass_configured_by_reference" {
  bucket = "example-training-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "training_data" {
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

resource "aws_s3_bucket_server_side_encryption_configuration" "model_artifacts" {
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
