# CKV_AISEC_40: Bedrock model customization jobs run in a VPC.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# Subnet and security group IDs are literals: IDs of resources created in the same configuration are known only
# after apply, and a plan then carries no list to judge.

variable "customization_subnet_ids" {
  type = list(string)
}

resource "aws_bedrock_custom_model" "pass_private_subnets" {
  custom_model_name     = "claims-classifier"
  job_name              = "claims-classifier-ft-2"
  base_model_identifier = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
  role_arn              = "arn:aws:iam::111122223333:role/bedrock-customization"
  hyperparameters = {
    epochCount = "2"
  }
  output_data_config {
    s3_uri = "s3://example-model-output/claims-classifier/"
  }
  training_data_config {
    s3_uri = "s3://example-training-data/claims/classifier.jsonl"
  }
  vpc_config {
    subnet_ids         = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_bedrock_custom_model" "fail_no_vpc_config" {
  custom_model_name     = "faq-writer"
  job_name              = "faq-writer-ft-1"
  base_model_identifier = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1"
  role_arn              = "arn:aws:iam::111122223333:role/bedrock-customization"
  hyperparameters = {
    epochCount = "1"
  }
  output_data_config {
    s3_uri = "s3://example-model-output/faq-writer/"
  }
  training_data_config {
    s3_uri = "s3://example-training-data/faq/train.jsonl"
  }
}

resource "aws_bedrock_custom_model" "unknown_subnets_from_variable" {
  custom_model_name     = "ticket-router"
  job_name              = "ticket-router-ft-1"
  base_model_identifier = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
  role_arn              = "arn:aws:iam::111122223333:role/bedrock-customization"
  hyperparameters = {
    epochCount = "1"
  }
  output_data_config {
    s3_uri = "s3://example-model-output/ticket-router/"
  }
  training_data_config {
    s3_uri = "s3://example-training-data/tickets/train.jsonl"
  }
  vpc_config {
    subnet_ids         = var.customization_subnet_ids
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}
