# CKV_AISEC_110: no IAM policy allows iam:PassRole on every role.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "passable_role_arns" {
  type = list(string)
}

variable "pipeline_policy_json" {
  type = string
}

resource "aws_iam_role" "pipeline" {
  name = "sagemaker-pipeline"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_user" "ml_engineer" {
  name = "ml-engineer"
}

resource "aws_iam_group" "data_scientists" {
  name = "data-scientists"
}

resource "aws_iam_role_policy" "pass_one_execution_role" {
  name = "pass-training-role"
  role = aws_iam_role.pipeline.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartTraining"
        Effect   = "Allow"
        Action   = ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"]
        Resource = "arn:aws:sagemaker:us-east-1:111122223333:training-job/churn-*"
      },
      {
        Sid       = "PassTrainingRole"
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "arn:aws:iam::111122223333:role/sagemaker-training-execution"
        Condition = { StringEquals = { "iam:PassedToService" = "sagemaker.amazonaws.com" } }
      },
    ]
  })
}

resource "aws_iam_policy" "pass_read_roles_everywhere" {
  name = "describe-roles"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:GetRole", "iam:ListRoles", "iam:ListAttachedRolePolicies"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_user_policy" "pass_deny_pass_role" {
  name   = "no-pass-role"
  user   = aws_iam_user.ml_engineer.name
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}
      ]
    }
  EOT
}

resource "aws_iam_group_policy" "pass_iam_wildcard_left_to_ckv_aisec_8" {
  name  = "iam-admin"
  group = aws_iam_group.data_scientists.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy" "fail_pass_any_role_to_sagemaker" {
  name = "pass-any-role"
  role = aws_iam_role.pipeline.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StartTraining"
        Effect   = "Allow"
        Action   = ["sagemaker:CreateTrainingJob", "sagemaker:CreateModel"]
        Resource = "*"
      },
      {
        Sid       = "PassAnyRole"
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "*"
        Condition = { StringEquals = { "iam:PassedToService" = "sagemaker.amazonaws.com" } }
      },
    ]
  })
}

resource "aws_iam_policy" "fail_pass_prefix" {
  name = "notebook-helpers"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect   = "Allow"
      Action   = ["iam:GetRole", "iam:Pass*"]
      Resource = ["arn:aws:iam::111122223333:role/notebook", "*"]
    }
  })
}

resource "aws_iam_user_policy" "fail_role_suffix_any_case" {
  name   = "role-helpers"
  user   = aws_iam_user.ml_engineer.name
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "IAM:*role", "Resource": "*"}
      ]
    }
  EOT
}

resource "aws_iam_group_policy" "fail_not_resource" {
  name  = "pass-all-but-admin"
  group = aws_iam_group.data_scientists.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect      = "Allow"
      Action      = "iam:PassRole"
      NotResource = "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole"
    }]
  })
}

# Every role of the account is every role worth passing.
resource "aws_iam_policy" "fail_pass_every_role_of_the_account" {
  name = "pass-account-roles"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = "arn:aws:iam::111122223333:role/*"
    }]
  })
}

resource "aws_iam_role_policy" "pass_roles_under_one_path" {
  name = "pass-sagemaker-roles"
  role = aws_iam_role.pipeline.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = "arn:aws:iam::111122223333:role/sagemaker-execution/*"
    }]
  })
}

data "aws_iam_policy_document" "fail_pass_prefix_document" {
  statement {
    actions   = ["IAM:Pass*"]
    resources = ["*"]
  }
}

# A statement that names principals belongs to a resource policy: it grants no identity anything.
data "aws_iam_policy_document" "pass_statement_with_principals" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_iam_role_policy" "unknown_roles_from_variable" {
  name = "pass-listed-roles"
  role = aws_iam_role.pipeline.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = var.passable_role_arns
    }]
  })
}

resource "aws_iam_policy" "unknown_policy_from_variable" {
  name   = "pipeline-extra"
  policy = var.pipeline_policy_json
}
