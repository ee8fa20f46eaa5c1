# CKV_AISEC_1: S3 default encryption is SSE-KMS under a customer-managed key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "data_key_arn" {
  type = string
}

resource "aws_kms_key" "data" {
  description         = "training data"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "training_data" {
  bucket = "example-training-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "pass_cmk_reference" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "pass_cmk_arn_dsse" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms:dsse"
      kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}

# SSE-S3 is wrong for training data and required for a server-access-log target: which one this bucket is shows
# only in other resources, so CKV2_AISEC_3 judges it on the bucket (terraform_examples/rules/s3_bucket_encryption_configured).
resource "aws_s3_bucket_server_side_encryption_configuration" "unknown_aes256_judged_on_the_bucket" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "fail_kms_without_key" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "fail_aws_managed_alias" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "alias/aws/s3"
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "unknown_key_from_variable" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.data_key_arn
    }
  }
}
