# CKV2_AISEC_2: every S3 bucket has a bucket policy that denies requests not sent over TLS.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "inference_capture_policy" {
  type = string
}

# Attached by reference; the Deny uses Bool with the string "false".
resource "aws_s3_bucket" "pass_policy_by_reference" {
  bucket = "example-training-data"
}

resource "aws_s3_bucket_policy" "training_data" {
  bucket = aws_s3_bucket.pass_policy_by_reference.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::example-training-data", "arn:aws:s3:::example-training-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# Attached by the bucket's literal name; heredoc JSON, Action "*" and BoolIfExists with a boolean false.
resource "aws_s3_bucket" "pass_policy_by_name" {
  bucket = "example-model-artifacts"
}

resource "aws_s3_bucket_policy" "model_artifacts" {
  bucket = "example-model-artifacts"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "TrainingRoleRead",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:role/sagemaker-training"},
          "Action": ["s3:GetObject", "s3:PutObject"],
          "Resource": "arn:aws:s3:::example-model-artifacts/*"
        },
        {
          "Sid": "DenyInsecureTransport",
          "Effect": "Deny",
          "Principal": {"AWS": "*"},
          "Action": "*",
          "Resource": ["arn:aws:s3:::example-model-artifacts", "arn:aws:s3:::example-model-artifacts/*"],
          "Condition": {"BoolIfExists": {"aws:SecureTransport": false}}
        }
      ]
    }
  EOT
}

resource "aws_s3_bucket" "fail_no_policy" {
  bucket = "example-feature-store"
}

# The policy only grants access; nothing refuses plain HTTP.
resource "aws_s3_bucket" "fail_policy_without_tls_deny" {
  bucket = "example-eval-datasets"
}

resource "aws_s3_bucket_policy" "eval_datasets" {
  bucket = aws_s3_bucket.fail_policy_without_tls_deny.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/model-evaluation" }
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::example-eval-datasets", "arn:aws:s3:::example-eval-datasets/*"]
    }]
  })
}

# Only uploads are refused over plain HTTP: downloads still work without TLS.
resource "aws_s3_bucket" "fail_tls_deny_for_some_actions" {
  bucket = "example-prompt-logs"
}

resource "aws_s3_bucket_policy" "prompt_logs" {
  bucket = aws_s3_bucket.fail_tls_deny_for_some_actions.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::example-prompt-logs/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket" "unknown_policy_from_variable" {
  bucket = "example-inference-capture"
}

resource "aws_s3_bucket_policy" "inference_capture" {
  bucket = aws_s3_bucket.unknown_policy_from_variable.id
  policy = var.inference_capture_policy
}

# Checkov cannot render jsonencode() around a list that mixes a reference and an interpolation
# ([aws_s3_bucket.x.arn, "${aws_s3_bucket.x.arn}/*"]); it hands over unparsable text instead.
resource "aws_s3_bucket" "unknown_policy_checkov_cannot_render" {
  bucket = "example-embeddings"
}

resource "aws_s3_bucket_policy" "embeddings" {
  bucket = aws_s3_bucket.unknown_policy_checkov_cannot_render.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.unknown_policy_checkov_cannot_render.arn, "${aws_s3_bucket.unknown_policy_checkov_cannot_render.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# The policy of a bucket that another configuration creates: no bucket here is judged by it.
data "aws_iam_policy_document" "shared_datasets_tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::example-shared-datasets", "arn:aws:s3:::example-shared-datasets/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "shared_datasets" {
  bucket = "example-shared-datasets"
  policy = data.aws_iam_policy_document.shared_datasets_tls_only.json
}
