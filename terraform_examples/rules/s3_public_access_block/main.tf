# CKV2_AISEC_1: every S3 bucket is covered by Block Public Access with all four settings on.
# Resource names say the verdict each bucket must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# An aws_s3_account_public_access_block would cover every bucket of the scan, and a block whose bucket is an
# unresolved variable may belong to any bucket; both cases are tested in tests/rules/test_s3_public_access_block.py.

variable "restrict_public_buckets" {
  type = bool
}

resource "aws_s3_bucket" "pass_block_by_id" {
  bucket = "example-model-artifacts"
}

resource "aws_s3_bucket_public_access_block" "model_artifacts" {
  bucket                  = aws_s3_bucket.pass_block_by_id.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "pass_block_by_bucket_name_reference" {
  bucket = "example-feature-store"
}

resource "aws_s3_bucket_public_access_block" "feature_store" {
  bucket                  = aws_s3_bucket.pass_block_by_bucket_name_reference.bucket
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "pass_block_by_literal_name" {
  bucket = "example-training-data-raw"
}

resource "aws_s3_bucket_public_access_block" "training_data_raw" {
  bucket                  = "example-training-data-raw"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "fail_no_block" {
  bucket = "example-inference-captures"
}

resource "aws_s3_bucket" "fail_policy_not_blocked" {
  bucket = "example-evaluation-reports"
}

resource "aws_s3_bucket_public_access_block" "evaluation_reports" {
  bucket                  = aws_s3_bucket.fail_policy_not_blocked.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# The two settings CKV2_AWS_6 requires, and nothing else: ignore_public_acls and restrict_public_buckets
# stay false, so existing public ACLs and public bucket policies still grant access.
resource "aws_s3_bucket" "fail_two_settings_unset" {
  bucket = "example-embeddings"
}

resource "aws_s3_bucket_public_access_block" "embeddings" {
  bucket              = aws_s3_bucket.fail_two_settings_unset.id
  block_public_acls   = true
  block_public_policy = true
}

resource "aws_s3_bucket" "unknown_setting_from_variable" {
  bucket = "example-prompt-logs"
}

resource "aws_s3_bucket_public_access_block" "prompt_logs" {
  bucket                  = aws_s3_bucket.unknown_setting_from_variable.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = var.restrict_public_buckets
}
