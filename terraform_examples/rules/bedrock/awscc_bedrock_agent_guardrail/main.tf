# CKV_AISEC_86: Bedrock agents (awscc provider) have a guardrail attached.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# guardrail_configuration is an object attribute in awscc (guardrail_configuration = { ... }).

variable "guardrail_id" {
  type = string
}

resource "awscc_bedrock_guardrail" "support" {
  name                      = "agent-support-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config = {
    filters_config = [{
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }]
  }
}

resource "awscc_bedrock_guardrail_version" "support" {
  guardrail_identifier = awscc_bedrock_guardrail.support.guardrail_id
  description          = "reviewed filters"
}

# Identifier and version are computed at apply: a plan leaves both out of the object.
resource "awscc_bedrock_agent" "pass_guardrail_reference" {
  agent_name              = "order-status"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-orders"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction             = "Answer questions about the status of customer orders."
  guardrail_configuration = {
    guardrail_identifier = awscc_bedrock_guardrail.support.guardrail_id
    guardrail_version    = awscc_bedrock_guardrail_version.support.version
  }
}

# A guardrail shared by a platform team, pinned to a numbered version.
resource "awscc_bedrock_agent" "pass_shared_guardrail_arn" {
  agent_name              = "returns-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-returns"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction             = "Help customers start a return and explain the return policy."
  guardrail_configuration = {
    guardrail_identifier = "arn:aws:bedrock:us-east-1:111122223333:guardrail/k2x9q7w4p1ab"
    guardrail_version    = "3"
  }
}

resource "awscc_bedrock_agent" "fail_no_guardrail" {
  agent_name              = "sales-research"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-sales"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction             = "Summarize public information about prospective customers."
}

resource "awscc_bedrock_agent" "unknown_identifier_from_variable" {
  agent_name              = "field-service"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-field"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction             = "Schedule field service visits."
  guardrail_configuration = {
    guardrail_identifier = var.guardrail_id
    guardrail_version    = "1"
  }
}
