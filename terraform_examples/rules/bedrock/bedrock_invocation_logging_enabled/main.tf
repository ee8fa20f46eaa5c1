# CKV2_AISEC_10: Bedrock model invocation logging is configured in every region that hosts Bedrock resources.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
#
# Regions are literal (AWS provider 6 `region` argument): a resource without one lives in its provider's default
# region, which is not part of the resource configuration, so in HCL it can only be matched to a logging
# configuration that also has no region and uses the same provider. A configuration without any logging
# configuration is scanned in tests/rules/test_bedrock_invocation_logging_enabled.py.

# A root configuration (it configures a provider): invocation logging is required here. A reusable module is not
# required to hold it (tests/rules/test_bedrock_invocation_logging_enabled.py).
provider "aws" {
  region = "eu-north-1"
}

variable "bedrock_region" {
  type = string
}

resource "aws_bedrock_model_invocation_logging_configuration" "eu_north_1" {
  region = "eu-north-1"
  logging_config {
    s3_config {
      bucket_name = "example-bedrock-invocation-logs-eun1"
      key_prefix  = "invocations/"
    }
  }
}

resource "aws_bedrockagent_agent" "pass_agent_in_logged_region" {
  region                  = "eu-north-1"
  agent_name              = "warehouse-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-warehouse"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

resource "aws_bedrockagent_knowledge_base" "pass_knowledge_base_in_logged_region" {
  region   = "eu-north-1"
  name     = "warehouse-manuals"
  role_arn = "arn:aws:iam::111122223333:role/bedrock-kb-warehouse"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:eu-north-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = "arn:aws:aoss:eu-north-1:111122223333:collection/warehouse-manuals"
      vector_index_name = "bedrock-knowledge-base-default-index"
      field_mapping {
        vector_field   = "bedrock-knowledge-base-default-vector"
        text_field     = "AMAZON_BEDROCK_TEXT_CHUNK"
        metadata_field = "AMAZON_BEDROCK_METADATA"
      }
    }
  }
}

resource "aws_bedrock_guardrail" "pass_guardrail_in_logged_region" {
  region                    = "eu-north-1"
  name                      = "warehouse-filters"
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

resource "aws_bedrock_custom_model" "pass_custom_model_in_logged_region" {
  region                = "eu-north-1"
  custom_model_name     = "warehouse-summarizer"
  job_name              = "warehouse-summarizer-ft-1"
  base_model_identifier = "arn:aws:bedrock:eu-north-1::foundation-model/amazon.titan-text-express-v1"
  role_arn              = "arn:aws:iam::111122223333:role/bedrock-customization"
  hyperparameters = {
    epochCount = "1"
  }
  output_data_config {
    s3_uri = "s3://example-model-output-eun1/warehouse-summarizer/"
  }
  training_data_config {
    s3_uri = "s3://example-training-data-eun1/warehouse/train.jsonl"
  }
}

# Sydney has Bedrock resources and no invocation logging.
resource "aws_bedrockagent_agent" "fail_agent_in_unlogged_region" {
  region                  = "ap-southeast-2"
  agent_name              = "warehouse-assistant-apac"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-warehouse"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

resource "aws_bedrock_guardrail" "fail_guardrail_in_unlogged_region" {
  region                    = "sa-east-1"
  name                      = "warehouse-filters-latam"
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

resource "aws_bedrockagent_agent" "unknown_agent_region_from_variable" {
  region                  = var.bedrock_region
  agent_name              = "warehouse-assistant-any"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent-warehouse"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}
