# The Terraform twin of the Pulumi program whose `pulumi preview --json` output is preview.json (and whose
# state after the update is stack-export.json): the same resources, the same names, the same settings.
# aisec-iac finds the same failures in all three (tests/test_pulumi_json.py).

provider "aws" {
  region = "eu-west-1"
}

resource "aws_kms_key" "notebooks" {
  description         = "notebook volumes"
  enable_key_rotation = false # CKV_AISEC_4
}

resource "aws_s3_bucket" "training-data" {
  bucket        = "example-training-data"
  force_destroy = false
}

resource "aws_s3_bucket_server_side_encryption_configuration" "training-data" {
  bucket = aws_s3_bucket.training-data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "training-data" {
  bucket                  = aws_s3_bucket.training-data.id
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  kms_key_id             = aws_kms_key.notebooks.arn
  direct_internet_access = "Enabled" # CKV_AISEC_5
  root_access            = "Disabled"
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

resource "aws_iam_role_policy" "notebook-admin" {
  name = "notebook-admin"
  role = "notebook"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] # CKV_AISEC_8
  })
}
