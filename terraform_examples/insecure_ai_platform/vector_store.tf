# --- The knowledge base's vector store and who may pull the model image ---------------------------

resource "aws_opensearchserverless_security_policy" "kb_vectors_encryption" {
  name = "kb-vectors-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]
    AWSOwnedKey = true # <- CKV_AISEC_37, and CKV2_AISEC_12 on the collection
  })
}

resource "aws_opensearchserverless_security_policy" "kb_vectors_network" {
  name = "kb-vectors-network"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]
    AllowFromPublic = true # <- CKV_AISEC_38
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
      Sid       = "AnyonePulls" # <- CKV2_AISEC_21: anyone can copy the model server image
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}
