# CKV_AISEC_158: no IAM policy allows invoking every Bedrock model.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "model_arns" {
  type = list(string)
}

variable "agent_policy_json" {
  type = string
}

resource "aws_iam_role" "agent" {
  name = "bedrock-agent"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
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

resource "aws_iam_role_policy" "pass_named_models" {
  name = "invoke-named-models"
  role = aws_iam_role.agent.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "InvokeModels"
      Effect = "Allow"
      Action = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = [
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0",
      ]
    }]
  })
}

resource "aws_iam_role_policy" "fail_invoke_every_model" {
  name = "invoke-any-model"
  role = aws_iam_role.agent.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "fail_every_foundation_model_of_every_region" {
  name = "converse-any-model"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:Converse", "bedrock:ConverseStream"]
      Resource = "arn:aws:bedrock:*::foundation-model/*"
    }]
  })
}

resource "aws_iam_user_policy" "fail_invoke_prefix_on_region_models" {
  name = "invoke-region-models"
  user = aws_iam_user.ml_engineer.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "Bedrock:Invoke*"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/*"
    }]
  })
}

resource "aws_iam_group_policy" "fail_every_inference_profile" {
  name  = "invoke-any-profile"
  group = aws_iam_group.data_scientists.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/*"
    }]
  })
}

resource "aws_iam_policy" "fail_not_resource" {
  name = "invoke-all-but-one"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect      = "Allow"
      Action      = "bedrock:InvokeModel"
      NotResource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-opus-20240229-v1:0"
    }]
  })
}

# One provider's family is not every model.
resource "aws_iam_policy" "pass_one_provider_family" {
  name = "invoke-anthropic-models"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.*"
    }]
  })
}

# Reading model metadata on every model invokes none.
resource "aws_iam_policy" "pass_list_models" {
  name = "list-models"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:ListFoundationModels", "bedrock:GetFoundationModel"]
        Resource = "*"
      },
      {
        Effect   = "Deny"
        Action   = "bedrock:*"
        Resource = "arn:aws:bedrock:*::foundation-model/*"
      },
    ]
  })
}

data "aws_iam_policy_document" "fail_invoke_document" {
  statement {
    actions   = ["bedrock:InvokeModelWithResponseStream"]
    resources = ["*"]
  }
}

# A statement that names principals belongs to a resource policy: it grants no identity anything.
data "aws_iam_policy_document" "pass_statement_with_principals" {
  statement {
    actions   = ["bedrock:InvokeModel"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_iam_role_policy" "unknown_models_from_variable" {
  name = "invoke-listed-models"
  role = aws_iam_role.agent.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = var.model_arns
    }]
  })
}

resource "aws_iam_policy" "unknown_policy_from_variable" {
  name   = "agent-extra"
  policy = var.agent_policy_json
}
