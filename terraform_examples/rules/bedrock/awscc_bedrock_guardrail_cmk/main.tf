# CKV_AISEC_87: Bedrock guardrails (awscc provider) are encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "guardrail_key_arn" {
  type = string
}

resource "awscc_kms_key" "guardrails" {
  description         = "Bedrock guardrails"
  enable_key_rotation = true
}

resource "awscc_bedrock_guardrail" "pass_cmk_reference" {
  name                      = "support-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  kms_key_arn               = awscc_kms_key.guardrails.arn
  word_policy_config = {
    managed_word_lists_config = [{ type = "PROFANITY" }]
  }
}

resource "awscc_bedrock_guardrail" "pass_cmk_arn" {
  name                      = "billing-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  kms_key_arn               = "arn:aws:kms:us-east-1:111122223333:key/3c7e9a1f-5b2d-4c86-a0e4-9f1b6d2c8e57"
  topic_policy_config = {
    topics_config = [{
      name       = "investment-advice"
      definition = "Recommendations about which stocks, funds or other investments to buy or sell."
      examples   = ["Which stock should I buy?"]
      type       = "DENY"
    }]
  }
}

# Without kms_key_arn Bedrock encrypts the guardrail with an AWS-owned key.
resource "awscc_bedrock_guardrail" "fail_no_key" {
  name                      = "sales-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  word_policy_config = {
    managed_word_lists_config = [{ type = "PROFANITY" }]
  }
}

resource "awscc_bedrock_guardrail" "fail_aws_managed_alias" {
  name                      = "review-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  kms_key_arn               = "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"
  word_policy_config = {
    managed_word_lists_config = [{ type = "PROFANITY" }]
  }
}

resource "awscc_bedrock_guardrail" "unknown_key_from_variable" {
  name                      = "field-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  kms_key_arn               = var.guardrail_key_arn
  word_policy_config = {
    managed_word_lists_config = [{ type = "PROFANITY" }]
  }
}
