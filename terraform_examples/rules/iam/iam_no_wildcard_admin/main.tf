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

# Depends on a resource of this configuration, so that a plan reads it during apply and needs no AWS API.
data "aws_iam_policy" "readonly" {
  name       = "ReadOnlyAccess"
  depends_on = [aws_iam_role.training]
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

resource "aws_iam_policy" "fail_every_action_of_every_service" {
  name = "any-service"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*:*", Resource = "*" }]
  })
}

# "s3:**" is "s3:*", and arn:aws:s3:::* is every bucket and object: the whole service.
resource "aws_iam_role_policy" "fail_double_star_on_every_bucket" {
  name = "artifacts-anywhere"
  role = aws_iam_role.training.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["S3:**"], Resource = "arn:aws:s3:::*" }]
  })
}

# The AWS default key policy: "*" in a key policy means "this key", and the statement names the account as
# its principal. A resource policy, judged by the resource-policy rules, not an identity policy.
data "aws_iam_policy_document" "pass_default_key_policy" {
  statement {
    sid       = "EnableIAMUserPermissions"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_kms_key" "model_artifacts" {
  description         = "Model artifacts"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.pass_default_key_policy.json
}

data "aws_iam_policy_document" "pass_scoped_identity_document" {
  statement {
    actions   = ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"]
    resources = ["arn:aws:sagemaker:us-east-1:111122223333:training-job/churn-*"]
  }
}

data "aws_iam_policy_document" "fail_bedrock_everywhere_document" {
  statement {
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2"]
  }
  statement {
    actions   = ["Bedrock:*"]
    resources = ["arn:aws:bedrock:*:*:*"]
  }
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
