# CKV_AISEC_31: Bedrock agents are encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "agent_key_arn" {
  type = string
}

resource "aws_kms_key" "bedrock_agents" {
  description         = "agent instructions and session memory"
  enable_key_rotation = true
}

resource "aws_bedrockagent_agent" "pass_cmk_reference" {
  agent_name                  = "claims-intake"
  agent_resource_role_arn     = "arn:aws:iam::111122223333:role/bedrock-agent-claims"
  foundation_model            = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  instruction                 = "You help customers file insurance claims and never reveal other customers' data."
  customer_encryption_key_arn = aws_kms_key.bedrock_agents.arn
}

resource "aws_bedrockagent_agent" "pass_cmk_arn" {
  agent_name                  = "it-helpdesk"
  agent_resource_role_arn     = "arn:aws:iam::111122223333:role/bedrock-agent-helpdesk"
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  customer_encryption_key_arn = "arn:aws:kms:us-east-1:111122223333:key/7a1c9e3b-2f44-4d8a-b6c1-0e9f8d7c6b5a"
}

# No key: instructions and session summaries are encrypted with an AWS-owned key.
resource "aws_bedrockagent_agent" "fail_no_key" {
  agent_name              = "travel-booking"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-travel"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

resource "aws_bedrockagent_agent" "unknown_key_from_variable" {
  agent_name                  = "hr-policies"
  agent_resource_role_arn     = "arn:aws:iam::111122223333:role/bedrock-agent-hr"
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  customer_encryption_key_arn = var.agent_key_arn
}
