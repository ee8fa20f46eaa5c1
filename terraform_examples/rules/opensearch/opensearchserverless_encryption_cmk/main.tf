# CKV_AISEC_37: OpenSearch Serverless encryption policies use a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# A policy whose KmsARN references a key created in the same configuration passes in HCL but is unknown in a
# plan (the whole document is known only after apply); tests/rules/test_opensearchserverless_encryption_cmk.py
# scans that case on its own.

variable "vector_key_arn" {
  type = string
}

resource "aws_opensearchserverless_security_policy" "pass_cmk_arn" {
  name        = "support-kb-encryption"
  type        = "encryption"
  description = "support knowledge base vectors"
  policy = jsonencode({
    Rules = [{
      ResourceType = "collection"
      Resource     = ["collection/support-kb-vectors"]
    }]
    AWSOwnedKey = false
    KmsARN      = "arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
  })
}

# KmsARN wins: AWS ignores AWSOwnedKey when a key is given.
resource "aws_opensearchserverless_security_policy" "pass_cmk_for_prefix" {
  name = "claims-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules = [{
      ResourceType = "collection"
      Resource     = ["collection/claims-*"]
    }]
    AWSOwnedKey = true
    KmsARN      = "arn:aws:kms:us-east-1:111122223333:key/6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c"
  })
}

resource "aws_opensearchserverless_security_policy" "fail_aws_owned_key" {
  name = "product-search-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules = [{
      ResourceType = "collection"
      Resource     = ["collection/product-search"]
    }]
    AWSOwnedKey = true
  })
}

resource "aws_opensearchserverless_security_policy" "fail_heredoc_aws_owned_key" {
  name   = "chat-history-encryption"
  type   = "encryption"
  policy = <<-EOT
    {
      "Rules": [
        {"ResourceType": "collection", "Resource": ["collection/chat-history"]}
      ],
      "AWSOwnedKey": true
    }
  EOT
}

resource "aws_opensearchserverless_security_policy" "unknown_key_from_variable" {
  name = "legal-docs-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules = [{
      ResourceType = "collection"
      Resource     = ["collection/legal-docs"]
    }]
    AWSOwnedKey = false
    KmsARN      = var.vector_key_arn
  })
}
