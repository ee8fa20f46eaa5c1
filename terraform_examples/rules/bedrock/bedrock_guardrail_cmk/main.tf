# CKV_AISEC_33: Bedrock guardrails are encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "guardrail_key_arn" {
  type = string
}

resource "aws_kms_key" "bedrock_guardrails" {
  description         = "guardrail policies"
  enable_key_rotation = true
}

resource "aws_bedrock_guardrail" "pass_cmk_reference" {
  name                      = "billing-assistant-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  kms_key_arn               = aws_kms_key.bedrock_guardrails.arn
  word_policy_config {
    managed_word_lists_config {
      type = "PROFANITY"
    }
  }
}

resource "aws_bedrock_guardrail" "pass_cmk_arn" {
  name                      = "hr-assistant-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  kms_key_arn               = "arn:aws:kms:us-east-1:111122223333:key/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
  topic_policy_config {
    topics_config {
      name       = "salary-negotiation"
      definition = "Advice on negotiating individual salaries or disclosing colleagues' pay."
      examples   = ["How much does my manager earn?"]
      type       = "DENY"
    }
  }
}

# Denied topics and word lists stored under an AWS-owned key.
resource "aws_bedrock_guardrail" "fail_no_key" {
  name                      = "marketing-copy-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  word_policy_config {
    words_config {
      text = "internal codename"
    }
  }
}

resource "aws_bedrock_guardrail" "unknown_key_from_variable" {
  name                      = "legal-research-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  kms_key_arn               = var.guardrail_key_arn
  word_policy_config {
    managed_word_lists_config {
      type = "PROFANITY"
    }
  }
}
