# CKV_AISEC_85: Bedrock agents (awscc provider) are encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "agent_key_arn" {
  type = string
}

resource "awscc_kms_key" "agents" {
  description         = "Bedrock agents"
  enable_key_rotation = true
}

resource "awscc_bedrock_agent" "pass_cmk_reference" {
  agent_name                  = "order-status"
  agent_resource_role_arn     = "arn:aws:iam::111122223333:role/bedrock-agent-orders"
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction                 = "Answer questions about the status of customer orders."
  customer_encryption_key_arn = awscc_kms_key.agents.arn
}

resource "awscc_bedrock_agent" "pass_cmk_arn" {
  agent_name                  = "returns-assistant"
  agent_resource_role_arn     = "arn:aws:iam::111122223333:role/bedrock-agent-returns"
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction                 = "Help customers start a return and explain the return policy."
  customer_encryption_key_arn = "arn:aws:kms:us-east-1:111122223333:key/6f0c2a8e-3b5d-4e71-9a4c-2d8b7e1f0c93"
}

# Without a key Bedrock encrypts the agent with an AWS-owned key.
resource "awscc_bedrock_agent" "fail_no_key" {
  agent_name              = "sales-research"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-sales"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction             = "Summarize public information about prospective customers."
}

resource "awscc_bedrock_agent" "fail_aws_managed_alias" {
  agent_name                  = "code-review"
  agent_resource_role_arn     = "arn:aws:iam::111122223333:role/bedrock-agent-code-review"
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction                 = "Review pull requests for style problems."
  customer_encryption_key_arn = "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"
}

resource "awscc_bedrock_agent" "unknown_key_from_variable" {
  agent_name                  = "field-service"
  agent_resource_role_arn     = "arn:aws:iam::111122223333:role/bedrock-agent-field"
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction                 = "Schedule field service visits."
  customer_encryption_key_arn = var.agent_key_arn
}
