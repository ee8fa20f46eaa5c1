# CKV_AISEC_99: Bedrock knowledge-base data sources (awscc provider) encrypt ingestion data with a customer-managed
# KMS key. Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# server_side_encryption_configuration is an object attribute in awscc.

variable "ingestion_key_arn" {
  type = string
}

resource "awscc_bedrock_data_source" "pass_cmk_arn" {
  name              = "support-articles"
  knowledge_base_id = "KB4EXAMPLE1"
  data_source_configuration = {
    type = "S3"
    s3_configuration = {
      bucket_arn = "arn:aws:s3:::example-support-articles"
    }
  }
  server_side_encryption_configuration = {
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/7c3e1a9f-5d2b-4f68-a0c4-e6b8d2f4a193"
  }
}

# Without the object Bedrock stores documents during ingestion with an AWS-owned key.
resource "awscc_bedrock_data_source" "fail_no_encryption_configuration" {
  name              = "product-manuals"
  knowledge_base_id = "KB4EXAMPLE1"
  data_source_configuration = {
    type = "S3"
    s3_configuration = {
      bucket_arn = "arn:aws:s3:::example-product-manuals"
    }
  }
}

resource "awscc_bedrock_data_source" "fail_aws_managed_alias" {
  name              = "release-notes"
  knowledge_base_id = "KB4EXAMPLE1"
  data_source_configuration = {
    type = "S3"
    s3_configuration = {
      bucket_arn = "arn:aws:s3:::example-release-notes"
    }
  }
  server_side_encryption_configuration = {
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"
  }
}

resource "awscc_bedrock_data_source" "unknown_key_from_variable" {
  name              = "field-guides"
  knowledge_base_id = "KB4EXAMPLE1"
  data_source_configuration = {
    type = "S3"
    s3_configuration = {
      bucket_arn = "arn:aws:s3:::example-field-guides"
    }
  }
  server_side_encryption_configuration = {
    kms_key_arn = var.ingestion_key_arn
  }
}
