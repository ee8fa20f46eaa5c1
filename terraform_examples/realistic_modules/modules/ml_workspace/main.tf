# A reusable ML workspace, called three times from ../../main.tf:
#   research:  kms_key_arn = the root's key, create_notebook, create_agent, a guardrail, versioning, an agent log
#              group, and block_public_access = false
#   sandbox:   every input at its default (only name is passed)
#   assistant: create_agent = true, everything else at its default (so: no guardrail)
# The expected findings are written next to each resource; tests/test_realistic_modules.py holds them as exact
# sets. "Phantom" marks what the pack reported before it evaluated count/for_each from the module's inputs.

# Created only when no key is passed: research -> not created; sandbox, assistant -> created (Checkov renders
# `null == null` as false and drops it, so resource rules never see it; connection rules do).
resource "aws_kms_key" "this" {
  count               = var.kms_key_arn == null ? 1 : 0
  description         = "${var.name} workspace key"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "${var.name}-model-artifacts"
}

# research: the root's key; sandbox, assistant: the module's own key. CKV_AISEC_1 PASS in every call.
resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn != null ? var.kms_key_arn : aws_kms_key.this[0].arn
    }
  }
}

# sandbox, assistant: created, covers the bucket. research: count = 0, so it covers nothing (before, the phantom
# block did). CKV2_AISEC_1 gives no verdict on buckets in a reusable module (an account-level block in the
# caller may cover them), so research's uncovered bucket is reported only where the module is scanned as a root.
# Every bucket fails CKV2_AISEC_2 (no bucket policy denies plain HTTP): a true finding about the module.
resource "aws_s3_bucket_public_access_block" "artifacts" {
  count                   = var.block_public_access ? 1 : 0
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# research: created, versioning on. sandbox, assistant: for_each = {}, not created, so their model-artifact
# buckets fail CKV2_AISEC_4 (before: the phantom versioning resource made them pass).
resource "aws_s3_bucket_versioning" "artifacts" {
  for_each = var.versioning ? { enabled = "Enabled" } : {}
  bucket   = aws_s3_bucket.artifacts.id
  versioning_configuration {
    status = each.value
  }
}

# research: created, kms_key_id from lookup() over the caller's map: passes CKV_AISEC_5/11/12/13.
# sandbox, assistant: count = 0, not created.
resource "aws_sagemaker_notebook_instance" "this" {
  count                  = var.create_notebook ? 1 : 0
  name                   = "${var.name}-notebook"
  role_arn               = aws_iam_role.notebook.arn
  instance_type          = lookup(var.notebook, "instance_type", "ml.t3.medium")
  kms_key_id             = lookup(var.notebook, "kms_key_id", null)
  subnet_id              = try(var.notebook["subnet_id"], null)
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

resource "aws_iam_role" "notebook" {
  name = "${var.name}-notebook"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "sagemaker.amazonaws.com" }
    }]
  })
}

# research: created with the caller's guardrail (CKV_AISEC_32 PASS). assistant: created, and var.guardrail is
# null, so the dynamic block has no instance: CKV_AISEC_32 FAIL (before: PASS on the iterator's text).
# sandbox: count = 0, not created (before: a phantom CKV2_AISEC_10 finding). customer_encryption_key_arn is the
# caller's key or the module's own (coalesce/try): CKV_AISEC_31 PASS. CKV2_AISEC_10 (invocation logging) gives
# no verdict in a reusable module.
resource "aws_bedrockagent_agent" "this" {
  count                       = var.create_agent ? 1 : 0
  agent_name                  = "${var.name}-agent"
  agent_resource_role_arn     = aws_iam_role.notebook.arn
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  customer_encryption_key_arn = coalesce(var.kms_key_arn, try(aws_kms_key.this[0].arn, null))
  dynamic "guardrail_configuration" {
    for_each = var.guardrail != null ? [var.guardrail] : []
    content {
      guardrail_identifier = guardrail_configuration.value.id
      guardrail_version    = guardrail_configuration.value.version
    }
  }
}

# Created in every call. Its data capture key is var.capture_kms_key_id, null by default and passed by no caller:
# CKV_AISEC_20 FAIL in every call, "unset with the module's defaults" (before: no verdict on `var.capture_kms_key_id`).
resource "aws_sagemaker_endpoint_configuration" "this" {
  name        = "${var.name}-endpoint"
  kms_key_arn = var.kms_key_arn != null ? var.kms_key_arn : aws_kms_key.this[0].arn
  production_variants {
    variant_name           = "primary"
    model_name             = "${var.name}-model"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://${aws_s3_bucket.artifacts.id}/capture"
    kms_key_id                  = var.capture_kms_key_id
    capture_options {
      capture_mode = "Input"
    }
    capture_options {
      capture_mode = "Output"
    }
  }
}

# Created only when a name is passed: research -> created, without a KMS key: CKV_AISEC_76 FAIL. sandbox and
# assistant -> not created (Checkov renders `null != null` as true: phantom CKV_AISEC_76 findings before).
resource "aws_cloudwatch_log_group" "agent" {
  count             = var.agent_log_group_name != null ? 1 : 0
  name              = var.agent_log_group_name
  retention_in_days = 365
}
