# CKV_AISEC_38: OpenSearch Serverless network policies do not allow access from the public internet.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# VPC endpoint IDs are literals here: a document that references an endpoint created in the same
# configuration is known only after apply, so a plan carries no document to judge.

variable "allow_public_access" {
  type = bool
}

resource "aws_opensearchserverless_security_policy" "pass_vpc_endpoint_only" {
  name = "support-kb-network"
  type = "network"
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/support-kb-vectors"] },
      { ResourceType = "dashboard", Resource = ["collection/support-kb-vectors"] },
    ]
    AllowFromPublic = false
    SourceVPCEs     = ["vpce-0a1b2c3d4e5f67890"]
  }])
}

# Private access for the Bedrock service, which a knowledge base uses to query its vectors.
resource "aws_opensearchserverless_security_policy" "pass_bedrock_service_access" {
  name = "claims-kb-network"
  type = "network"
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/claims-*"] },
    ]
    AllowFromPublic = false
    SourceServices  = ["bedrock.amazonaws.com"]
  }])
}

resource "aws_opensearchserverless_security_policy" "fail_public_collection" {
  name = "product-search-network"
  type = "network"
  policy = jsonencode([{
    Rules = [
      { ResourceType = "collection", Resource = ["collection/product-search"] },
      { ResourceType = "dashboard", Resource = ["collection/product-search"] },
    ]
    AllowFromPublic = true
  }])
}

# The collection is private, its dashboard is not: dashboards query the same data.
resource "aws_opensearchserverless_security_policy" "fail_public_dashboard" {
  name = "chat-history-network"
  type = "network"
  policy = jsonencode([
    {
      Rules           = [{ ResourceType = "collection", Resource = ["collection/chat-history"] }]
      AllowFromPublic = false
      SourceVPCEs     = ["vpce-0f9e8d7c6b5a43210"]
    },
    {
      Rules           = [{ ResourceType = "dashboard", Resource = ["collection/chat-history"] }]
      AllowFromPublic = true
    },
  ])
}

resource "aws_opensearchserverless_security_policy" "unknown_public_from_variable" {
  name = "legal-docs-network"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/legal-docs"] }]
    AllowFromPublic = var.allow_public_access
  }])
}
