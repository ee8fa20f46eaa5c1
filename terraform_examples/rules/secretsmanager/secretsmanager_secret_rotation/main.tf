# CKV2_AISEC_16: Secrets Manager secrets have automatic rotation configured.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# Rotations whose secret is not known at plan time would decide every secret of the scan; they are in
# tests/rules/test_secretsmanager_secret_rotation.py.

locals {
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate-inference-secrets"
}

resource "aws_kms_key" "has_rotation_secrets" {
  description         = "inference secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "pass_rotated_by_id_reference" {
  name       = "has-rotation/model-provider-api-key"
  kms_key_id = aws_kms_key.has_rotation_secrets.arn
}

resource "aws_secretsmanager_secret_rotation" "has_rotation_provider_key" {
  secret_id           = aws_secretsmanager_secret.pass_rotated_by_id_reference.id
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "pass_rotated_by_arn_reference" {
  name       = "has-rotation/vector-db-password"
  kms_key_id = aws_kms_key.has_rotation_secrets.arn
}

resource "aws_secretsmanager_secret_rotation" "has_rotation_vector_db" {
  secret_id           = aws_secretsmanager_secret.pass_rotated_by_arn_reference.arn
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    schedule_expression = "rate(30 days)"
  }
}

resource "aws_secretsmanager_secret" "pass_rotated_by_literal_name" {
  name       = "has-rotation/model-hub-token"
  kms_key_id = aws_kms_key.has_rotation_secrets.arn
}

resource "aws_secretsmanager_secret_rotation" "has_rotation_hub_token" {
  secret_id           = "has-rotation/model-hub-token"
  rotation_lambda_arn = local.rotation_lambda_arn
  depends_on          = [aws_secretsmanager_secret.pass_rotated_by_literal_name]

  rotation_rules {
    automatically_after_days = 60
  }
}

resource "aws_secretsmanager_secret" "pass_rotated_by_literal_arn" {
  name       = "has-rotation/guardrail-webhook-token"
  kms_key_id = aws_kms_key.has_rotation_secrets.arn
}

resource "aws_secretsmanager_secret_rotation" "has_rotation_webhook" {
  secret_id           = "arn:aws:secretsmanager:us-east-1:111122223333:secret:has-rotation/guardrail-webhook-token-Ab12Cd"
  rotation_lambda_arn = local.rotation_lambda_arn
  depends_on          = [aws_secretsmanager_secret.pass_rotated_by_literal_arn]

  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "fail_never_rotated" {
  name       = "has-rotation/feature-store-password"
  kms_key_id = aws_kms_key.has_rotation_secrets.arn
}

# The rotation above names ".../guardrail-webhook-token-Ab12Cd", which is not this secret's ARN.
resource "aws_secretsmanager_secret" "fail_similar_name_not_rotated" {
  name       = "has-rotation/guardrail-webhook"
  kms_key_id = aws_kms_key.has_rotation_secrets.arn
}
