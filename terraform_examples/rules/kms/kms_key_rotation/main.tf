# CKV_AISEC_4: customer-managed KMS keys rotate automatically at least once a year.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "enable_key_rotation" {
  type = bool
}

resource "aws_kms_key" "pass_rotation_default_period" {
  description         = "training data"
  enable_key_rotation = true
}

resource "aws_kms_key" "pass_rotation_every_90_days" {
  description             = "model artifacts"
  enable_key_rotation     = true
  rotation_period_in_days = 90
}

resource "aws_kms_key" "pass_asymmetric_signing_key" {
  description              = "model signing"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "pass_hmac_key" {
  description              = "inference request signatures"
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}

resource "aws_kms_key" "pass_custom_key_store" {
  description         = "feature store (CloudHSM)"
  custom_key_store_id = "cks-1234567890abcdef0"
}

resource "aws_kms_key" "fail_rotation_unset" {
  description = "inference captures"
}

resource "aws_kms_key" "fail_rotation_disabled" {
  description         = "evaluation reports"
  enable_key_rotation = false
}

resource "aws_kms_key" "fail_period_over_a_year" {
  description             = "embeddings"
  enable_key_rotation     = true
  rotation_period_in_days = 730
}

resource "aws_kms_key" "unknown_rotation_from_variable" {
  description         = "prompt logs"
  enable_key_rotation = var.enable_key_rotation
}
