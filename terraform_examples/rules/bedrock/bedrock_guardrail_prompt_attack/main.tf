# CKV_AISEC_34: Bedrock guardrails block prompt attacks on input at HIGH strength.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "prompt_attack_strength" {
  type = string
}

resource "aws_bedrock_guardrail" "pass_prompt_attack_high" {
  name                      = "chat-prompt-attack"
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

# Explicit settings that equal the defaults, next to other content filters.
resource "aws_bedrock_guardrail" "pass_prompt_attack_explicit_block" {
  name                      = "rag-content-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config {
    filters_config {
      type            = "HATE"
      input_strength  = "HIGH"
      output_strength = "HIGH"
    }
    filters_config {
      type             = "PROMPT_ATTACK"
      input_strength   = "HIGH"
      output_strength  = "NONE"
      input_enabled    = true
      input_action     = "BLOCK"
      input_modalities = ["TEXT", "IMAGE"]
    }
  }
}

resource "aws_bedrock_guardrail" "fail_no_content_policy" {
  name                      = "faq-topics-only"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  topic_policy_config {
    topics_config {
      name       = "investment-advice"
      definition = "Recommendations to buy or sell specific financial products."
      examples   = ["Should I buy this stock?"]
      type       = "DENY"
    }
  }
}

resource "aws_bedrock_guardrail" "fail_no_prompt_attack_filter" {
  name                      = "forum-moderation"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config {
    filters_config {
      type            = "INSULTS"
      input_strength  = "HIGH"
      output_strength = "HIGH"
    }
    filters_config {
      type            = "VIOLENCE"
      input_strength  = "MEDIUM"
      output_strength = "MEDIUM"
    }
  }
}

resource "aws_bedrock_guardrail" "fail_prompt_attack_medium" {
  name                      = "internal-search-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "MEDIUM"
      output_strength = "NONE"
    }
  }
}

# Detect-only: the attack shows up in the trace, and the prompt still reaches the model.
resource "aws_bedrock_guardrail" "fail_prompt_attack_detect_only" {
  name                      = "pilot-detect-only"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
      input_action    = "NONE"
    }
  }
}

resource "aws_bedrock_guardrail" "unknown_strength_from_variable" {
  name                      = "tunable-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = var.prompt_attack_strength
      output_strength = "NONE"
    }
  }
}
