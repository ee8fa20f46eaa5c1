# CKV_AISEC_39: Bedrock knowledge-base data sources encrypt ingestion data with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "ingestion_key_arn" {
  type = string
}

resource "aws_kms_key" "knowledge_base_ingestion" {
  description         = "knowledge base ingestion"
  enable_key_rotation = true
}

resource "aws_bedrockagent_data_source" "pass_cmk_reference" {
  name              = "support-articles"
  knowledge_base_id = "KBSUPPORT01"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::example-support-articles"
    }
  }
  server_side_encryption_configuration {
    kms_key_arn = aws_kms_key.knowledge_base_ingestion.arn
  }
}

resource "aws_bedrockagent_data_source" "pass_cmk_arn" {
  name              = "product-manuals"
  knowledge_base_id = "KBMANUALS01"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn         = "arn:aws:s3:::example-product-manuals"
      inclusion_prefixes = ["published/"]
    }
  }
  server_side_encryption_configuration {
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"
  }
}

resource "aws_bedrockagent_data_source" "fail_no_encryption_configuration" {
  name              = "hr-handbook"
  knowledge_base_id = "KBHR000001"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::example-hr-handbook"
    }
  }
}

resource "aws_bedrockagent_data_source" "unknown_key_from_variable" {
  name              = "legal-templates"
  knowledge_base_id = "KBLEGAL001"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::example-legal-templates"
    }
  }
  server_side_encryption_configuration {
    kms_key_arn = var.ingestion_key_arn
  }
}
