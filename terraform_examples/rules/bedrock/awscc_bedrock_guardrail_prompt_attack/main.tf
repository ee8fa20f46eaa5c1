# CKV_AISEC_88: Bedrock guardrails (awscc provider) block prompt attacks on input at HIGH strength.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# content_policy_config is an object attribute in awscc, filters_config a list of objects.

variable "prompt_attack_strength" {
  type = string
}

variable "shared_filters" {
  description = "Content filters a platform team hands to every guardrail (untyped)"
}

variable "team_filters" {
  type = list(object({
    type            = string
    input_strength  = string
    output_strength = string
  }))
}

resource "awscc_bedrock_guardrail" "pass_prompt_attack_high" {
  name                      = "support-filters"
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

resource "awscc_bedrock_guardrail" "pass_high_among_other_filters" {
  name                      = "billing-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config = {
    filters_config = [
      {
        type            = "HATE"
        input_strength  = "HIGH"
        output_strength = "HIGH"
      },
      {
        type            = "MISCONDUCT"
        input_strength  = "MEDIUM"
        output_strength = "MEDIUM"
      },
      {
        type            = "PROMPT_ATTACK"
        input_strength  = "HIGH"
        output_strength = "NONE"
      },
    ]
  }
}

resource "awscc_bedrock_guardrail" "fail_no_content_policy" {
  name                      = "sales-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  word_policy_config = {
    managed_word_lists_config = [{ type = "PROFANITY" }]
  }
}

resource "awscc_bedrock_guardrail" "fail_medium_strength" {
  name                      = "review-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config = {
    filters_config = [{
      type            = "PROMPT_ATTACK"
      input_strength  = "MEDIUM"
      output_strength = "NONE"
    }]
  }
}

# Content filters, but none for prompt attacks.
resource "awscc_bedrock_guardrail" "fail_no_prompt_attack_filter" {
  name                      = "hr-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config = {
    filters_config = [
      {
        type            = "HATE"
        input_strength  = "HIGH"
        output_strength = "HIGH"
      },
      {
        type            = "INSULTS"
        input_strength  = "HIGH"
        output_strength = "HIGH"
      },
    ]
  }
}

resource "awscc_bedrock_guardrail" "unknown_strength_from_variable" {
  name                      = "field-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config = {
    filters_config = [{
      type            = "PROMPT_ATTACK"
      input_strength  = var.prompt_attack_strength
      output_strength = "NONE"
    }]
  }
}

# awscc lets a variable fill the whole list of filters.
resource "awscc_bedrock_guardrail" "unknown_filters_from_variable" {
  name                      = "platform-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config = {
    filters_config = var.shared_filters
  }
}

# Checkov reads a typed list variable without default as []; AWS requires at least one filter.
resource "awscc_bedrock_guardrail" "unknown_filters_from_typed_variable" {
  name                      = "team-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config = {
    filters_config = var.team_filters
  }
}
