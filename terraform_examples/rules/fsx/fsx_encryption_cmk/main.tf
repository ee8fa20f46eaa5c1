# CKV_AISEC_51: FSx file systems encrypt data with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "lustre_deployment_type" {
  type = string
}

variable "ontap_key_arn" {
  type = string
}

resource "aws_kms_key" "training" {
  description         = "training file systems"
  enable_key_rotation = true
}

resource "aws_fsx_lustre_file_system" "pass_persistent_with_cmk" {
  storage_capacity            = 1200
  subnet_ids                  = ["subnet-0a1b2c3d4e5f60001"]
  deployment_type             = "PERSISTENT_2"
  per_unit_storage_throughput = 250
  kms_key_id                  = aws_kms_key.training.arn
}

resource "aws_fsx_ontap_file_system" "pass_ontap_with_cmk" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  deployment_type     = "MULTI_AZ_1"
  throughput_capacity = 512
  preferred_subnet_id = "subnet-0a1b2c3d4e5f60001"
  kms_key_id          = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_fsx_windows_file_system" "pass_windows_with_cmk" {
  active_directory_id = "d-1234567890"
  storage_capacity    = 300
  subnet_ids          = ["subnet-0a1b2c3d4e5f60001"]
  throughput_capacity = 32
  kms_key_id          = aws_kms_key.training.arn
}

# SCRATCH_1 is the provider's default deployment type; scratch file systems cannot take a key.
resource "aws_fsx_lustre_file_system" "fail_scratch_default" {
  storage_capacity = 1200
  subnet_ids       = ["subnet-0a1b2c3d4e5f60001"]
}

resource "aws_fsx_lustre_file_system" "fail_persistent_without_key" {
  storage_capacity            = 1200
  subnet_ids                  = ["subnet-0a1b2c3d4e5f60001"]
  deployment_type             = "PERSISTENT_1"
  per_unit_storage_throughput = 200
}

resource "aws_fsx_ontap_file_system" "fail_ontap_without_key" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-0a1b2c3d4e5f60001"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 512
  preferred_subnet_id = "subnet-0a1b2c3d4e5f60001"
}

resource "aws_fsx_windows_file_system" "fail_windows_without_key" {
  active_directory_id = "d-1234567890"
  storage_capacity    = 300
  subnet_ids          = ["subnet-0a1b2c3d4e5f60001"]
  throughput_capacity = 32
}

resource "aws_fsx_lustre_file_system" "unknown_deployment_from_variable" {
  storage_capacity = 1200
  subnet_ids       = ["subnet-0a1b2c3d4e5f60001"]
  deployment_type  = var.lustre_deployment_type
  kms_key_id       = aws_kms_key.training.arn
}

resource "aws_fsx_ontap_file_system" "unknown_key_from_variable" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-0a1b2c3d4e5f60001"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 512
  preferred_subnet_id = "subnet-0a1b2c3d4e5f60001"
  kms_key_id          = var.ontap_key_arn
}
