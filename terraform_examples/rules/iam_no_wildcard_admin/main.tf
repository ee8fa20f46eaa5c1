# CKV_AISEC_8: no IAM policy allows every action, or every action of a service, on every resource.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "pipeline_actions" {
  type = list(string)
}

variable "extra_policy_json" {
  type = string
}

resource "aws_iam_role" "training" {
  name = "sagemaker-training"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_user" "analyst" {
  name = "ml-analyst"
}

resource "aws_iam_group" "data_scientists" {
  name = "data-scientists"
}

data "aws_iam_policy" "readonly" {
  name = "ReadOnlyAccess"
}

resource "aws_iam_policy" "pass_scoped_training" {
  name        = "sagemaker-training-scoped"
  description = "Read training data and write model artifacts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadTrainingData"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::example-training-data", "arn:aws:s3:::example-training-data/*"]
      },
      {
        Sid      = "WriteModelArtifacts"
        Effect   = "Allow"
        Action   = "s3:PutObject"
        Resource = "arn:aws:s3:::example-model-artifacts/*"
      },
    ]
  })
}

resource "aws_iam_role_policy" "pass_service_wildcard_on_one_bucket" {
  name = "artifacts-bucket"
  role = aws_iam_role.training.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = ["arn:aws:s3:::example-model-artifacts", "arn:aws:s3:::example-model-artifacts/*"]
    }]
  })
}

resource "aws_iam_user_policy" "pass_deny_everything" {
  name   = "quarantine"
  user   = aws_iam_user.analyst.name
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Deny", "Action": "*", "Resource": "*"}
      ]
    }
  EOT
}

resource "aws_iam_group_policy" "pass_read_prefix_on_everything" {
  name  = "describe-endpoints"
  group = aws_iam_group.data_scientists.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sagemaker:Describe*", "sagemaker:List*"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "fail_full_admin" {
  name = "break-glass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }
  })
}

resource "aws_iam_role_policy" "fail_sagemaker_wildcard" {
  name = "sagemaker-everything"
  role = aws_iam_role.training.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/*"
      },
      {
        Sid      = "SageMaker"
        Effect   = "Allow"
        Action   = ["SageMaker:*"]
        Resource = ["*"]
      },
    ]
  })
}

resource "aws_iam_user_policy" "fail_not_action" {
  name   = "all-but-iam"
  user   = aws_iam_user.analyst.name
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}
      ]
    }
  EOT
}

resource "aws_iam_group_policy" "fail_not_resource" {
  name  = "bedrock-except-one-model"
  group = aws_iam_group.data_scientists.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect      = "Allow"
      Action      = "bedrock:*"
      NotResource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2"
    }]
  })
}

resource "aws_iam_policy" "unknown_policy_from_variable" {
  name   = "extra"
  policy = var.extra_policy_json
}

resource "aws_iam_role_policy" "unknown_actions_from_variable" {
  name = "pipeline"
  role = aws_iam_role.training.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.pipeline_actions
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "unknown_copied_from_data_source" {
  name   = "readonly-copy"
  policy = data.aws_iam_policy.readonly.policy
}
