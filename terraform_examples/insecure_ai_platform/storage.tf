# --- Training data and model artifacts -----------------------------------------------------------

resource "aws_s3_bucket" "training_data" { # <- CKV2_AISEC_1, CKV2_AISEC_2, CKV2_AISEC_3
  bucket = "example-ai-training-data"
  tags   = local.tags
}

resource "aws_s3_bucket" "model_artifacts" { # <- CKV2_AISEC_4
  bucket = "example-ai-model-artifacts"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "training_data" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256" # SSE-S3, and no access logs go here: reported on the bucket by CKV2_AISEC_3
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "training_data" {
  bucket                  = aws_s3_bucket.training_data.id
  block_public_acls       = true
  block_public_policy     = false # <- CKV2_AISEC_1 (reported on the bucket)
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_bucket_public_access_block" "model_artifacts" {
  bucket                  = aws_s3_bucket.model_artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "training_data" {
  bucket = aws_s3_bucket.training_data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  versioning_configuration {
    status = "Suspended" # <- CKV2_AISEC_4 (reported on the bucket)
  }
}

# No bucket policy on the training data, so plain HTTP is allowed   <- CKV2_AISEC_2

resource "aws_s3_bucket_policy" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::example-ai-model-artifacts", "arn:aws:s3:::example-ai-model-artifacts/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "PublicRead" # <- CKV_AISEC_112: anyone may download the models
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-ai-model-artifacts/*"
      },
    ]
  })
}
