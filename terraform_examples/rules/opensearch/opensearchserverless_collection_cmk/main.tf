# CKV2_AISEC_12: OpenSearch Serverless collections are encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input or
# policies that disagree). KMS ARNs in the policies are literals: a policy that references a key created in
# the same configuration has no document in plan JSON.

variable "collection_name" {
  type = string
}

resource "aws_kms_key" "vector_collections" {
  description         = "knowledge base vectors"
  enable_key_rotation = true
}

resource "aws_opensearchserverless_security_policy" "knowledge_bases_cmk" {
  name = "kb-collections-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/kb-*"] }]
    AWSOwnedKey = false
    KmsARN      = "arn:aws:kms:us-east-1:111122223333:key/8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"
  })
}

resource "aws_opensearchserverless_security_policy" "site_search_aws_owned" {
  name = "site-search-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/site-search"] }]
    AWSOwnedKey = true
  })
}

# Network policies do not decide encryption.
resource "aws_opensearchserverless_security_policy" "knowledge_bases_network" {
  name = "kb-collections-network"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/kb-*"] }]
    AllowFromPublic = false
    SourceServices  = ["bedrock.amazonaws.com"]
  }])
}

# Two policies match archive-2024 and name different keys: which one AWS applied is not in the configuration.
resource "aws_opensearchserverless_security_policy" "archive_2024_cmk" {
  name = "archive-2024-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/archive-2024"] }]
    AWSOwnedKey = false
    KmsARN      = "arn:aws:kms:us-east-1:111122223333:key/8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"
  })
}

resource "aws_opensearchserverless_security_policy" "archives_aws_owned" {
  name = "archives-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/archive-*"] }]
    AWSOwnedKey = true
  })
}

resource "aws_opensearchserverless_collection" "pass_policy_prefix_cmk" {
  name        = "kb-support-articles"
  type        = "VECTORSEARCH"
  description = "vector store of the support knowledge base"
  depends_on  = [aws_opensearchserverless_security_policy.knowledge_bases_cmk]
}

resource "aws_opensearchserverless_collection" "pass_encryption_config_cmk" {
  name = "contracts-vectors"
  type = "VECTORSEARCH"
  encryption_config {
    aws_owned_key = false
    kms_key_arn   = aws_kms_key.vector_collections.arn
  }
}

resource "aws_opensearchserverless_collection" "fail_policy_aws_owned_key" {
  name       = "site-search"
  type       = "SEARCH"
  depends_on = [aws_opensearchserverless_security_policy.site_search_aws_owned]
}

resource "aws_opensearchserverless_collection" "unknown_conflicting_policies" {
  name = "archive-2024"
  type = "VECTORSEARCH"
}

resource "aws_opensearchserverless_collection" "unknown_name_from_variable" {
  name = var.collection_name
  type = "VECTORSEARCH"
}
