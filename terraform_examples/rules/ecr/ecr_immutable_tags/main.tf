# CKV_AISEC_45: ECR repositories keep image tags immutable.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "tag_mutability" {
  type = string
}

variable "moving_tag" {
  type = string
}

resource "aws_ecr_repository" "pass_immutable" {
  name                 = "llm-server"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "pass_immutable_except_latest" {
  name                 = "embedding-server"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "latest"
    filter_type = "WILDCARD"
  }

  image_tag_mutability_exclusion_filter {
    filter      = "dev-*"
    filter_type = "WILDCARD"
  }
}

resource "aws_ecr_repository" "fail_default_mutable" {
  name = "training-image"
}

resource "aws_ecr_repository" "fail_mutable" {
  name                 = "notebook-image"
  image_tag_mutability = "MUTABLE"
}

resource "aws_ecr_repository" "fail_mutable_with_exclusion" {
  name                 = "batch-inference"
  image_tag_mutability = "MUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "release-*"
    filter_type = "WILDCARD"
  }
}

resource "aws_ecr_repository" "fail_exclusion_matches_every_tag" {
  name                 = "reranker"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "*"
    filter_type = "WILDCARD"
  }
}

resource "aws_ecr_repository" "unknown_mutability_from_variable" {
  name                 = "feature-server"
  image_tag_mutability = var.tag_mutability
}

resource "aws_ecr_repository" "unknown_exclusion_from_variable" {
  name                 = "tokenizer"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = var.moving_tag
    filter_type = "WILDCARD"
  }
}
