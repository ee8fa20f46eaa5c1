# CKV2_AISEC_21: ECR repository policies do not grant access to everyone.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "puller_arns" {
  type = list(string)
}

variable "policy_json" {
  type = string
}

resource "aws_ecr_repository" "model_server" {
  name                 = "llm-server"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository_policy" "pass_named_account" {
  repository = aws_ecr_repository.model_server.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PartnerPulls"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::210987654321:root" }
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
    }]
  })
}

resource "aws_ecr_repository_policy" "pass_everyone_in_organization" {
  repository = aws_ecr_repository.model_server.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PullWithinOrganization"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

# A Deny to everyone grants nothing; the Allow names a role.
resource "aws_ecr_repository_policy" "pass_deny_everyone_else" {
  repository = aws_ecr_repository.model_server.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "InferenceRolePulls"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/inference" }
        Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      },
      {
        Sid       = "NoPushFromOutsideTheOrganization"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["ecr:PutImage", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"]
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      },
    ]
  })
}

data "aws_iam_policy_document" "org_unit_pull" {
  statement {
    sid     = "PullWithinResearchUnit"
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "aws:PrincipalOrgPaths"
      values   = ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"]
    }
  }
}

resource "aws_ecr_repository_policy" "pass_policy_document_narrowed" {
  repository = aws_ecr_repository.model_server.name
  policy     = data.aws_iam_policy_document.org_unit_pull.json
}

resource "aws_ecr_repository_policy" "fail_public_pull" {
  repository = aws_ecr_repository.model_server.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicPull"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}

# IfExists passes every request that carries no organization ID: principals of accounts outside any
# organization.
resource "aws_ecr_repository_policy" "fail_if_exists_condition" {
  repository = aws_ecr_repository.model_server.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PullWithinOrganizationIfKnown"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "ecr:*"
      Condition = { StringEqualsIfExists = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

resource "aws_ecr_repository_policy" "fail_not_principal" {
  repository = aws_ecr_repository.model_server.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid          = "EveryoneButTheBuildRole"
      Effect       = "Allow"
      NotPrincipal = { AWS = "arn:aws:iam::111122223333:role/build" }
      Action       = ["ecr:BatchGetImage"]
    }]
  })
}

data "aws_iam_policy_document" "anyone_pushes" {
  statement {
    sid     = "AnyonePushes"
    actions = ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalOrgID"
      values   = ["*"]
    }
  }
}

resource "aws_ecr_repository_policy" "fail_policy_document_wildcard_condition" {
  repository = aws_ecr_repository.model_server.name
  policy     = data.aws_iam_policy_document.anyone_pushes.json
}

resource "aws_ecr_repository_policy" "unknown_principal_from_variable" {
  repository = aws_ecr_repository.model_server.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ConfiguredPullers"
      Effect    = "Allow"
      Principal = { AWS = var.puller_arns }
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}

resource "aws_ecr_repository_policy" "unknown_policy_from_variable" {
  repository = aws_ecr_repository.model_server.name
  policy     = var.policy_json
}
