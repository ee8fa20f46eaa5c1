# CKV2_AISEC_20: ECR repositories scan images for vulnerabilities on push or continuously.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
#
# This configuration turns on ENHANCED scanning for the registry with rules, so the rules decide for every
# repository here and the repositories' own scan_on_push no longer counts. The repository-level cases (no
# registry configuration) are in tests/rules/test_ecr_image_scanning.py.

variable "repository_name" {
  type = string
}

resource "aws_ecr_registry_scanning_configuration" "registry" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "llm-*"
      filter_type = "WILDCARD"
    }
  }

  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "vision"
      filter_type = "WILDCARD"
    }
  }
}

# Matches "llm-*": scanned continuously by Amazon Inspector.
resource "aws_ecr_repository" "pass_continuous_by_registry_rule" {
  name                 = "llm-server"
  image_tag_mutability = "IMMUTABLE"
}

# "vision" has no wildcard, so it matches every name that contains it.
resource "aws_ecr_repository" "pass_scan_on_push_by_registry_rule" {
  name                 = "team-vision-encoder"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = false
  }
}

# Matches no filter: ENHANCED scanning disables scanning for it, whatever its own setting says.
resource "aws_ecr_repository" "fail_repository_setting_overridden" {
  name                 = "batch-tools"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "fail_matches_no_filter" {
  name                 = "embedding-cache"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "unknown_name_from_variable" {
  name                 = var.repository_name
  image_tag_mutability = "IMMUTABLE"
}
