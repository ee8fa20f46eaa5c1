# CKV_AISEC_50: EFS file systems are encrypted at rest.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "encrypt_checkpoints" {
  type = bool
}

resource "aws_kms_key" "training" {
  description         = "training file systems"
  enable_key_rotation = true
}

resource "aws_efs_file_system" "pass_encrypted_with_cmk" {
  creation_token = "training-datasets"
  encrypted      = true
  kms_key_id     = aws_kms_key.training.arn
}

resource "aws_efs_file_system" "pass_encrypted_with_aws_managed_key" {
  creation_token   = "studio-home"
  encrypted        = true
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"
}

resource "aws_efs_file_system" "fail_default_unencrypted" {
  creation_token = "checkpoints"
}

resource "aws_efs_file_system" "fail_explicitly_unencrypted" {
  creation_token = "feature-cache"
  encrypted      = false
}

resource "aws_efs_file_system" "unknown_encrypted_from_variable" {
  creation_token = "evaluation-runs"
  encrypted      = var.encrypt_checkpoints
}
