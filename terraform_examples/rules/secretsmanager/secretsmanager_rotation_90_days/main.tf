# CKV_AISEC_75: Secrets Manager rotation schedules rotate secrets at least every 90 days.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "rotation_days" {
  type = number
}

locals {
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate-inference-secrets"
}

resource "aws_kms_key" "rotation_secrets" {
  description         = "rotated inference secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "rotation_provider_key" {
  name       = "rotation/model-provider-api-key"
  kms_key_id = aws_kms_key.rotation_secrets.arn
}

resource "aws_secretsmanager_secret" "rotation_vector_db" {
  name       = "rotation/vector-db-password"
  kms_key_id = aws_kms_key.rotation_secrets.arn
}

resource "aws_secretsmanager_secret" "rotation_hub_token" {
  name       = "rotation/model-hub-token"
  kms_key_id = aws_kms_key.rotation_secrets.arn
}

resource "aws_secretsmanager_secret" "rotation_webhook" {
  name       = "rotation/guardrail-webhook-token"
  kms_key_id = aws_kms_key.rotation_secrets.arn
}

resource "aws_secretsmanager_secret" "rotation_feature_store" {
  name       = "rotation/feature-store-password"
  kms_key_id = aws_kms_key.rotation_secrets.arn
}

resource "aws_secretsmanager_secret" "rotation_labeling" {
  name       = "rotation/labeling-vendor-key"
  kms_key_id = aws_kms_key.rotation_secrets.arn
}

resource "aws_secretsmanager_secret" "rotation_eval" {
  name       = "rotation/eval-service-token"
  kms_key_id = aws_kms_key.rotation_secrets.arn
}

resource "aws_secretsmanager_secret" "rotation_partner" {
  name       = "rotation/partner-api-key"
  kms_key_id = aws_kms_key.rotation_secrets.arn
}

resource "aws_secretsmanager_secret_rotation" "pass_every_30_days" {
  secret_id           = aws_secretsmanager_secret.rotation_provider_key.id
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret_rotation" "pass_rate_90_days" {
  secret_id           = aws_secretsmanager_secret.rotation_vector_db.id
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    schedule_expression = "rate(90 days)"
    duration            = "3h"
  }
}

resource "aws_secretsmanager_secret_rotation" "pass_cron_first_monday_monthly" {
  secret_id           = aws_secretsmanager_secret.rotation_hub_token.arn
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    schedule_expression = "cron(0 4 ? * MON#1 *)"
    duration            = "2h"
  }
}

resource "aws_secretsmanager_secret_rotation" "pass_cron_every_other_month_on_the_first" {
  secret_id           = aws_secretsmanager_secret.rotation_webhook.id
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    schedule_expression = "cron(0 2 1 1/2 ? *)"
  }
}

resource "aws_secretsmanager_secret_rotation" "fail_every_180_days" {
  secret_id           = aws_secretsmanager_secret.rotation_feature_store.id
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = 180
  }
}

resource "aws_secretsmanager_secret_rotation" "fail_rate_yearly" {
  secret_id           = aws_secretsmanager_secret.rotation_labeling.id
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    schedule_expression = "rate(365 days)"
  }
}

# Quarterly on the 1st: 91 and 92 days between some rotations.
resource "aws_secretsmanager_secret_rotation" "fail_cron_quarterly" {
  secret_id           = aws_secretsmanager_secret.rotation_eval.id
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    schedule_expression = "cron(0 4 1 JAN,APR,JUL,OCT ? *)"
  }
}

resource "aws_secretsmanager_secret_rotation" "unknown_days_from_variable" {
  secret_id           = aws_secretsmanager_secret.rotation_partner.id
  rotation_lambda_arn = local.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = var.rotation_days
  }
}
