# CKV2_AISEC_1: every S3 bucket is covered by Block Public Access with all four settings on, and no block turns
# a setting off. Resource names say the verdict each bucket and block must get: pass_*, fail_*, unknown_* (no
# verdict: unresolved input, or a block whose finding is reported on its bucket).
# An aws_s3_account_public_access_block that turns settings on would cover every bucket of the scan, and a block
# whose bucket is an unresolved variable may belong to any bucket; both cases, and a reusable module (no provider
# or backend: no account-level block is required there), are tested in tests/rules/test_s3_public_access_block.py.

# A root configuration: buckets without a block of their own fail here.
provider "aws" {
  region = "us-east-1"
}

variable "restrict_public_buckets" {
  type = bool
}

resource "aws_s3_bucket" "pass_block_by_id" {
  bucket = "example-model-artifacts"
}

resource "aws_s3_bucket_public_access_block" "pass_model_artifacts" {
  bucket                  = aws_s3_bucket.pass_block_by_id.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "pass_block_by_bucket_name_reference" {
  bucket = "example-feature-store"
}

resource "aws_s3_bucket_public_access_block" "pass_feature_store" {
  bucket                  = aws_s3_bucket.pass_block_by_bucket_name_reference.bucket
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "pass_block_by_literal_name" {
  bucket = "example-training-data-raw"
}

resource "aws_s3_bucket_public_access_block" "pass_training_data_raw" {
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

resource "aws_s3_bucket_public_access_block" "unknown_evaluation_reports_reported_on_the_bucket" {
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

resource "aws_s3_bucket_public_access_block" "unknown_embeddings_reported_on_the_bucket" {
  bucket              = aws_s3_bucket.fail_two_settings_unset.id
  block_public_acls   = true
  block_public_policy = true
}

resource "aws_s3_bucket" "unknown_setting_from_variable" {
  bucket = "example-prompt-logs"
}

resource "aws_s3_bucket_public_access_block" "unknown_prompt_logs" {
  bucket                  = aws_s3_bucket.unknown_setting_from_variable.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = var.restrict_public_buckets
}

# Blocks for buckets created elsewhere (a module given the bucket's name): judged on the block itself.
resource "aws_s3_bucket_public_access_block" "pass_shared_datasets_elsewhere" {
  bucket                  = "example-shared-datasets"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "fail_public_website_elsewhere" {
  bucket                  = "example-model-cards-site"
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

# The account-level block: settings it leaves off are off for every bucket without a block of its own.
resource "aws_s3_account_public_access_block" "fail_account_settings_off" {
  block_public_acls   = false
  block_public_policy = false
}
