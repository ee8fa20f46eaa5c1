# CKV_AISEC_46: ECR repositories encrypt images with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "image_key_arn" {
  type = string
}

resource "aws_kms_key" "images" {
  description         = "model server images"
  enable_key_rotation = true
}

resource "aws_ecr_repository" "pass_cmk_reference" {
  name                 = "llm-server"
  image_tag_mutability = "IMMUTABLE"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.images.arn
  }
}

resource "aws_ecr_repository" "pass_cmk_arn" {
  name = "embedding-server"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

resource "aws_ecr_repository" "fail_no_encryption_configuration" {
  name = "training-image"
}

resource "aws_ecr_repository" "fail_aes256" {
  name = "notebook-image"

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_repository" "fail_kms_without_key" {
  name = "batch-inference"

  encryption_configuration {
    encryption_type = "KMS"
  }
}

resource "aws_ecr_repository" "fail_aws_managed_alias" {
  name = "reranker"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = "arn:aws:kms:us-east-1:111122223333:alias/aws/ecr"
  }
}

resource "aws_ecr_repository" "unknown_key_from_variable" {
  name = "feature-server"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = var.image_key_arn
  }
}
