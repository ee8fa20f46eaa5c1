# CKV_AISEC_111: no IAM role trusts everyone ("*") without a condition that narrows who may assume it.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "trusted_principals" {
  type = list(string)
}

resource "aws_iam_role" "pass_sagemaker_service" {
  name = "sagemaker-training-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
    }]
  })
}

resource "aws_iam_role" "pass_any_principal_of_the_organization" {
  name = "model-registry-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

resource "aws_iam_role" "pass_partner_account_with_external_id" {
  name               = "labeling-vendor"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
          "Action": "sts:AssumeRole",
          "Condition": {"StringEquals": {"sts:ExternalId": "labeling-7f3a9c"}}
        }
      ]
    }
  EOT
}

resource "aws_iam_role" "pass_roles_of_one_account_by_pattern" {
  name = "feature-store-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::111122223333:role/ml-*" } }
    }]
  })
}

resource "aws_iam_role" "fail_anyone" {
  name = "inference-debug"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "fail_any_account_with_external_id" {
  name               = "annotation-partner"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"AWS": ["arn:aws:iam::444455556666:root", "*"]},
          "Action": "sts:AssumeRole",
          "Condition": {"StringEquals": {"sts:ExternalId": "annotation-2b81d0"}}
        }
      ]
    }
  EOT
}

resource "aws_iam_role" "fail_role_name_in_any_account" {
  name = "training-launcher"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "sagemaker.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
      {
        Sid       = "CiRunners"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sts:AssumeRole"
        Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::*:role/ci-runner" } }
      },
    ]
  })
}

resource "aws_iam_role" "fail_org_condition_if_exists" {
  name = "notebook-shared"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = { StringEqualsIfExists = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

resource "aws_iam_role" "unknown_principals_from_variable" {
  name = "cross-account-evaluation"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.trusted_principals }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "unknown_shared_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "unknown_trust_from_policy_document" {
  name               = "bedrock-agent"
  assume_role_policy = data.aws_iam_policy_document.unknown_shared_trust.json
}
