# CKV_AISEC_74: Secrets Manager secrets and their replicas are encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "secrets_key_arn" {
  type = string
}

resource "aws_kms_key" "secret_cmk_secrets" {
  description         = "inference secrets"
  enable_key_rotation = true
  multi_region        = true
}

resource "aws_kms_alias" "secret_cmk_secrets" {
  name          = "alias/inference-secrets"
  target_key_id = aws_kms_key.secret_cmk_secrets.key_id
}

resource "aws_secretsmanager_secret" "pass_model_provider_key_cmk" {
  name       = "inference/model-provider-api-key"
  kms_key_id = aws_kms_key.secret_cmk_secrets.arn
}

resource "aws_secretsmanager_secret" "pass_vector_db_alias_name" {
  name       = "inference/vector-db-password"
  kms_key_id = "alias/inference-secrets"
}

resource "aws_secretsmanager_secret" "pass_hub_token_replicated_with_cmk" {
  name       = "training/model-hub-token"
  kms_key_id = aws_kms_key.secret_cmk_secrets.arn

  replica {
    region     = "us-west-2"
    kms_key_id = "arn:aws:kms:us-west-2:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"
  }
}

resource "aws_secretsmanager_secret" "fail_default_key" {
  name = "inference/feature-store-password"
}

resource "aws_secretsmanager_secret" "fail_aws_managed_alias" {
  name       = "inference/guardrail-webhook-token"
  kms_key_id = "alias/aws/secretsmanager"
}

resource "aws_secretsmanager_secret" "fail_aws_managed_alias_arn" {
  name       = "inference/eval-service-token"
  kms_key_id = "arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager"
}

resource "aws_secretsmanager_secret" "fail_replica_on_default_key" {
  name       = "training/labeling-vendor-key"
  kms_key_id = aws_kms_key.secret_cmk_secrets.arn

  replica {
    region = "eu-west-1"
  }
}

resource "aws_secretsmanager_secret" "unknown_key_from_variable" {
  name       = "inference/partner-api-key"
  kms_key_id = var.secrets_key_arn
}
