# CKV2_AISEC_4: S3 buckets that hold models or training data have versioning enabled.
# Bucket names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# A bucket holds models or training data when an AI resource uses it, when its aisec:data-class tag says
# model or training-data, or when a whole word of its name is model(s), checkpoint(s), weights, training or
# dataset(s).

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
    "aisec:data-class" = "training-data"
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

resource "aws_s3_bucket_versioning" "unknown_checkpoints_status" {
  bucket = aws_s3_bucket.unknown_checkpoint_status_from_variable.id
  versioning_configuration {
    status = var.checkpoint_versioning_status
  }
}

# "artifact" alone says nothing: build output and logs are not models.
resource "aws_s3_bucket" "pass_build_artifacts" {
  bucket = "example-build-artifacts"
}

resource "aws_s3_bucket" "pass_artifact_logs" {
  bucket = "example-artifact-logs"
}

# The tag decides over the name: a public site of model cards holds no model.
resource "aws_s3_bucket" "pass_opted_out_by_tag" {
  bucket = "example-model-cards-site"
  tags = {
    "aisec:data-class" = "public"
  }
}

# Used by AI resources, whatever the names say.
resource "aws_s3_bucket" "fail_holds_sagemaker_model_data" {
  bucket = "example-inference-bundles"
}

resource "aws_sagemaker_model" "reranker" {
  name               = "reranker"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/reranker:1.0"
    model_data_url = "s3://${aws_s3_bucket.fail_holds_sagemaker_model_data.bucket}/reranker/model.tar.gz"
  }
}

resource "aws_s3_bucket" "fail_knowledge_base_source" {
  bucket = "example-support-manuals"
}

resource "aws_bedrockagent_data_source" "support_manuals" {
  knowledge_base_id = "KBEXAMPLE01"
  name              = "support-manuals"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.fail_knowledge_base_source.arn
    }
  }
}
