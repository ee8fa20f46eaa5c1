# CKV_AISEC_112: no bucket or KMS key policy allows everyone ("*") without a condition that narrows it.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "bucket_policy_json" {
  type = string
}

variable "key_users" {
  type = list(string)
}

resource "aws_s3_bucket" "training_data" {
  bucket = "example-training-data"
}

resource "aws_s3_bucket" "model_artifacts" {
  bucket = "example-model-artifacts"
}

resource "aws_s3_bucket" "eval_datasets" {
  bucket = "example-eval-datasets"
}

resource "aws_s3_bucket" "demo_assets" {
  bucket = "example-demo-assets"
}

resource "aws_s3_bucket_policy" "pass_named_reader_role" {
  bucket = aws_s3_bucket.training_data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TrainingJobsRead"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/sagemaker-training-execution" }
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::example-training-data", "arn:aws:s3:::example-training-data/*"]
    }]
  })
}

resource "aws_s3_bucket_policy" "pass_organization_and_tls_deny" {
  bucket = aws_s3_bucket.model_artifacts.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::example-model-artifacts", "arn:aws:s3:::example-model-artifacts/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "OrganizationReads"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-model-artifacts/*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      },
    ]
  })
}

resource "aws_s3_bucket_policy" "pass_through_vpc_endpoint_only" {
  bucket = aws_s3_bucket.eval_datasets.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "ReadThroughEndpoint",
          "Effect": "Allow",
          "Principal": "*",
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::example-eval-datasets/*",
          "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60789"}}
        }
      ]
    }
  EOT
}

resource "aws_s3_bucket_policy" "fail_public_read" {
  bucket = aws_s3_bucket.demo_assets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-demo-assets/*"
    }]
  })
}

resource "aws_s3_bucket_policy" "fail_any_account_over_tls" {
  bucket = aws_s3_bucket.eval_datasets.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"AWS": "*"},
          "Action": ["s3:GetObject", "s3:PutObject"],
          "Resource": "arn:aws:s3:::example-eval-datasets/*",
          "Condition": {"Bool": {"aws:SecureTransport": "true"}}
        }
      ]
    }
  EOT
}

resource "aws_s3_bucket_policy" "fail_every_address" {
  bucket = aws_s3_bucket.training_data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:ListBucket"
      Resource  = "arn:aws:s3:::example-training-data"
      Condition = { IpAddress = { "aws:SourceIp" = ["10.0.0.0/8", "0.0.0.0/0"] } }
    }]
  })
}

resource "aws_kms_key" "pass_training_data_key" {
  description         = "Encrypts training data (policy in aws_kms_key_policy)"
  enable_key_rotation = true
}

resource "aws_kms_key" "pass_shared_key" {
  description         = "Encrypts shared embeddings (policy in aws_kms_key_policy)"
  enable_key_rotation = true
}

resource "aws_kms_key" "pass_account_administers" {
  description         = "Encrypts model artifacts"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministers"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "fail_anyone_decrypts" {
  description         = "Encrypts inference captures"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AnyoneDecrypts"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
      },
    ]
  })
}

resource "aws_kms_key_policy" "pass_callers_of_the_account_through_s3" {
  key_id = aws_kms_key.pass_training_data_key.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "UseThroughS3InThisAccount"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = "111122223333"
            "kms:ViaService"    = "s3.us-east-1.amazonaws.com"
          }
        }
      },
    ]
  })
}

resource "aws_kms_key_policy" "fail_encryption_context_only" {
  key_id = aws_kms_key.pass_shared_key.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AnyoneWithTheContext"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringEquals = { "kms:EncryptionContext:project" = "churn-model" } }
    }]
  })
}

resource "aws_s3_bucket_policy" "unknown_policy_from_variable" {
  bucket = aws_s3_bucket.demo_assets.id
  policy = var.bucket_policy_json
}

data "aws_iam_policy_document" "unknown_public_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-demo-assets/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "unknown_policy_from_document" {
  bucket = aws_s3_bucket.demo_assets.id
  policy = data.aws_iam_policy_document.unknown_public_read.json
}

resource "aws_kms_key" "unknown_key_users_from_variable" {
  description         = "Encrypts feature store records"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.key_users }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource  = "*"
    }]
  })
}
