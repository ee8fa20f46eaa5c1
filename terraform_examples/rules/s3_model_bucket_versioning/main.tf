# CKV2_AISEC_4: S3 buckets that hold models or training data have versioning enabled.
# Bucket names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "checkpoint_versioning_status" {
  type = string
}

resource "aws_s3_bucket" "pass_model_artifacts_versioned" {
  bucket = "example-model-artifacts"
}

resource "aws_s3_bucket_versioning" "model_artifacts" {
  bucket = aws_s3_bucket.pass_model_artifacts_versioned.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "pass_not_an_ai_asset" {
  bucket = "example-website-assets"
}

resource "aws_s3_bucket" "pass_opted_in_by_tag_and_versioned" {
  bucket = "example-llm-evals"
  tags = {
    ai-asset = "true"
  }
}

resource "aws_s3_bucket_versioning" "llm_evals" {
  bucket = "example-llm-evals"
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "fail_training_data_unversioned" {
  bucket = "example-training-data"
}

resource "aws_s3_bucket" "fail_versioning_suspended" {
  bucket = "example-data-lake"
  tags = {
    DataClass = "training-dataset"
  }
}

resource "aws_s3_bucket_versioning" "data_lake" {
  bucket = aws_s3_bucket.fail_versioning_suspended.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket" "unknown_checkpoint_status_from_variable" {
  bucket = "example-checkpoints"
}

resource "aws_s3_bucket_versioning" "checkpoints" {
  bucket = aws_s3_bucket.unknown_checkpoint_status_from_variable.id
  versioning_configuration {
    status = var.checkpoint_versioning_status
  }
}
