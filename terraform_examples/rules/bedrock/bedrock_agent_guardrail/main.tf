# CKV_AISEC_32: Bedrock agents have a guardrail attached with an identifier and a version.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# guardrail_configuration is a list attribute in the AWS provider (guardrail_configuration = [{ ... }]).

variable "guardrail_version" {
  type = string
}

resource "aws_bedrock_guardrail" "agent_support_filters" {
  name                      = "agent-support-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }
  }
}

resource "aws_bedrock_guardrail_version" "agent_support_filters" {
  guardrail_arn = aws_bedrock_guardrail.agent_support_filters.guardrail_arn
  description   = "reviewed filters"
}

# Identifier and version are computed at apply: a plan leaves both out of the object.
resource "aws_bedrockagent_agent" "pass_guardrail_reference" {
  agent_name              = "order-status"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-orders"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration = [{
    guardrail_identifier = aws_bedrock_guardrail.agent_support_filters.guardrail_id
    guardrail_version    = aws_bedrock_guardrail_version.agent_support_filters.version
  }]
}

# A guardrail shared by a platform team, pinned to a numbered version.
resource "aws_bedrockagent_agent" "pass_shared_guardrail_arn" {
  agent_name              = "returns-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-returns"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration = [{
    guardrail_identifier = "arn:aws:bedrock:us-east-1:111122223333:guardrail/k2x9q7w4p1ab"
    guardrail_version    = "3"
  }]
}

resource "aws_bedrockagent_agent" "fail_no_guardrail" {
  agent_name              = "sales-research"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-sales"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# An empty list attaches nothing (a common result of a conditional that switched the guardrail off).
resource "aws_bedrockagent_agent" "fail_empty_guardrail_list" {
  agent_name              = "code-review"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-code-review"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration = []
}

resource "aws_bedrockagent_agent" "unknown_version_from_variable" {
  agent_name              = "field-service"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-field"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration = [{
    guardrail_identifier = "arn:aws:bedrock:us-east-1:111122223333:guardrail/k2x9q7w4p1ab"
    guardrail_version    = var.guardrail_version
  }]
}
