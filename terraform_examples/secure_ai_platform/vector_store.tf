# --- The knowledge base's vector store and who may pull the model image ---------------------------

resource "aws_opensearchserverless_security_policy" "kb_vectors_encryption" {
  name = "kb-vectors-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]
    AWSOwnedKey = false
    # A literal ARN: a key created in the same configuration is known only after apply, and a plan then
    # carries no policy document to judge.
    KmsARN = "arn:aws:kms:us-east-1:111122223333:key/8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"
  })
}

resource "aws_opensearchserverless_security_policy" "kb_vectors_network" {
  name = "kb-vectors-network"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]
    AllowFromPublic = false
    SourceVPCEs     = ["vpce-0a1b2c3d4e5f67890"]
  }])
}

resource "aws_opensearchserverless_collection" "kb_vectors" {
  name       = "kb-vectors"
  type       = "VECTORSEARCH"
  depends_on = [aws_opensearchserverless_security_policy.kb_vectors_encryption]
}

resource "aws_ecr_repository_policy" "llm_server" {
  repository = aws_ecr_repository.llm_server.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PullWithinOrganization"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
