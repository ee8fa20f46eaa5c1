# CKV_AISEC_89: Bedrock guardrails (awscc provider) block or anonymize sensitive information.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# sensitive_information_policy_config is an object attribute in awscc; its entries are lists of objects.

variable "pii_action" {
  type = string
}

variable "shared_pii_entities" {
  description = "PII entities a platform team hands to every guardrail (untyped)"
}

resource "awscc_bedrock_guardrail" "pass_pii_anonymize_and_block" {
  name                      = "support-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config = {
    pii_entities_config = [
      {
        type   = "EMAIL"
        action = "ANONYMIZE"
      },
      {
        type   = "US_SOCIAL_SECURITY_NUMBER"
        action = "BLOCK"
      },
    ]
  }
}

# Custom patterns alone are enough.
resource "awscc_bedrock_guardrail" "pass_regex_only" {
  name                      = "billing-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config = {
    regexes_config = [{
      name        = "customer-account-number"
      description = "Internal customer account numbers"
      pattern     = "ACCT-[0-9]{10}"
      action      = "ANONYMIZE"
    }]
  }
}

# Prompt-attack screening only: personal data passes through.
resource "awscc_bedrock_guardrail" "fail_no_sensitive_information_policy" {
  name                      = "sales-filters"
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

resource "awscc_bedrock_guardrail" "unknown_action_from_variable" {
  name                      = "field-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config = {
    pii_entities_config = [{
      type   = "PHONE"
      action = var.pii_action
    }]
  }
}

# awscc lets a variable fill the whole list of entities.
resource "awscc_bedrock_guardrail" "unknown_entities_from_variable" {
  name                      = "platform-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config = {
    pii_entities_config = var.shared_pii_entities
  }
}
