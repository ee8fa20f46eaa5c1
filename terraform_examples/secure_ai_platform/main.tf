# A secure AI platform on AWS: the reference stack the pack must find nothing wrong with.
# tests/test_example_stacks.py scans it (HCL and plan JSON) and expects zero failures: a finding here is a bug
# in the rule, not in the stack. insecure_ai_platform/ is its twin with one misconfiguration per rule.

terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  account_id = "111122223333"
  region     = "us-east-1"
  tags       = { Project = "ai-platform", Environment = "prod" }
}

# --- Keys ----------------------------------------------------------------------------------------

resource "aws_kms_key" "data" {
  description         = "training data, model artifacts and captures"
  enable_key_rotation = true
  tags                = local.tags
}

resource "aws_kms_key" "logs" {
  description         = "CloudWatch log groups: flow logs, invocation logs, container logs"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogs"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
      },
    ]
  })
}

resource "aws_kms_key" "ml" {
  description         = "SageMaker, Bedrock, ECR, EKS secrets"
  enable_key_rotation = true
}
