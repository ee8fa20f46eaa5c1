# CKV_AISEC_30: Bedrock custom models are encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "model_key_arn" {
  type = string
}

resource "aws_kms_key" "bedrock_custom_models" {
  description         = "fine-tuned model weights"
  enable_key_rotation = true
}

resource "aws_bedrock_custom_model" "pass_cmk_reference" {
  custom_model_name       = "support-assistant"
  job_name                = "support-assistant-ft-1"
  base_model_identifier   = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
  role_arn                = "arn:aws:iam::111122223333:role/bedrock-customization"
  custom_model_kms_key_id = aws_kms_key.bedrock_custom_models.arn
  hyperparameters = {
    epochCount   = "1"
    learningRate = "0.005"
  }
  output_data_config {
    s3_uri = "s3://example-model-output/support-assistant/"
  }
  training_data_config {
    s3_uri = "s3://example-training-data/support/train.jsonl"
  }
}

resource "aws_bedrock_custom_model" "pass_cmk_arn" {
  custom_model_name       = "claims-summarizer"
  job_name                = "claims-summarizer-ft-3"
  base_model_identifier   = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1"
  role_arn                = "arn:aws:iam::111122223333:role/bedrock-customization"
  custom_model_kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/5f0d7c1e-8a42-4b1f-9c3e-2d6a7b8c9e01"
  hyperparameters = {
    epochCount = "2"
  }
  output_data_config {
    s3_uri = "s3://example-model-output/claims-summarizer/"
  }
  training_data_config {
    s3_uri = "s3://example-training-data/claims/train.jsonl"
  }
}

# No key: Bedrock encrypts the weights with an AWS-owned key nobody can restrict or audit.
resource "aws_bedrock_custom_model" "fail_no_key" {
  custom_model_name     = "triage-bot"
  job_name              = "triage-bot-ft-1"
  base_model_identifier = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
  role_arn              = "arn:aws:iam::111122223333:role/bedrock-customization"
  hyperparameters = {
    epochCount = "1"
  }
  output_data_config {
    s3_uri = "s3://example-model-output/triage-bot/"
  }
  training_data_config {
    s3_uri = "s3://example-training-data/triage/train.jsonl"
  }
}

resource "aws_bedrock_custom_model" "unknown_key_from_variable" {
  custom_model_name       = "contract-review"
  job_name                = "contract-review-ft-1"
  base_model_identifier   = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
  role_arn                = "arn:aws:iam::111122223333:role/bedrock-customization"
  custom_model_kms_key_id = var.model_key_arn
  hyperparameters = {
    epochCount = "1"
  }
  output_data_config {
    s3_uri = "s3://example-model-output/contract-review/"
  }
  training_data_config {
    s3_uri = "s3://example-training-data/contracts/train.jsonl"
  }
}
