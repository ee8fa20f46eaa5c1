# CKV_AISEC_35: Bedrock guardrails block or anonymize sensitive information (PII or custom patterns).
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "pii_action" {
  type = string
}

resource "aws_bedrock_guardrail" "pass_pii_entities" {
  name                      = "patient-portal-pii"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config {
    pii_entities_config {
      type   = "EMAIL"
      action = "ANONYMIZE"
    }
    pii_entities_config {
      type   = "US_SOCIAL_SECURITY_NUMBER"
      action = "BLOCK"
    }
  }
}

# A custom pattern only; input passes through, responses are masked.
resource "aws_bedrock_guardrail" "pass_regex_on_output" {
  name                      = "account-number-masking"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config {
    regexes_config {
      name          = "customer-account-number"
      description   = "Internal customer account numbers"
      pattern       = "ACCT-[0-9]{10}"
      action        = "ANONYMIZE"
      input_enabled = false
    }
  }
}

resource "aws_bedrock_guardrail" "fail_no_sensitive_information_policy" {
  name                      = "general-chat-filters"
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

# Detect-only entries report PII in the trace and let it through.
resource "aws_bedrock_guardrail" "fail_detect_only" {
  name                      = "pii-monitoring-only"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config {
    pii_entities_config {
      type   = "PHONE"
      action = "NONE"
    }
    regexes_config {
      name    = "employee-id"
      pattern = "EMP[0-9]{6}"
      action  = "NONE"
    }
  }
}

# BLOCK with both directions switched off evaluates nothing.
resource "aws_bedrock_guardrail" "fail_evaluation_disabled" {
  name                      = "pii-switched-off"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config {
    pii_entities_config {
      type           = "CREDIT_DEBIT_CARD_NUMBER"
      action         = "BLOCK"
      input_enabled  = false
      output_enabled = false
    }
  }
}

resource "aws_bedrock_guardrail" "unknown_action_from_variable" {
  name                      = "configurable-pii"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  sensitive_information_policy_config {
    pii_entities_config {
      type   = "ADDRESS"
      action = var.pii_action
    }
  }
}
