# CKV_AISEC_141: Lambda functions keep no literal credentials in their environment variables.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# The credentials below are made-up examples in the providers' formats.

variable "anthropic_api_key" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "pass_secret_arn_in_environment" {
  function_name = "rag-query"
  role          = "arn:aws:iam::111122223333:role/rag-query"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/rag-query:1.0.0"

  environment {
    variables = {
      OPENAI_API_KEY_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:openai-AbCdEf"
      VECTOR_INDEX              = "kb-vectors"
    }
  }
}

resource "aws_lambda_function" "pass_no_environment" {
  function_name = "ingest"
  role          = "arn:aws:iam::111122223333:role/ingest"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/ingest:1.0.0"
}

resource "aws_lambda_function" "fail_anthropic_key" {
  function_name = "agent-tool"
  role          = "arn:aws:iam::111122223333:role/agent-tool"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/agent-tool:1.0.0"

  environment {
    variables = {
      ANTHROPIC_API_KEY = "sk-ant-api03-EXAMPLEexampleEXAMPLEexample0123456789"
    }
  }
}

resource "aws_lambda_function" "fail_password_by_name" {
  function_name = "feature-store-sync"
  role          = "arn:aws:iam::111122223333:role/feature-sync"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/feature-sync:1.0.0"

  environment {
    variables = {
      VECTOR_DB_PASSWORD = "example-password-not-real"
    }
  }
}

resource "aws_lambda_function" "unknown_key_from_variable" {
  function_name = "configurable"
  role          = "arn:aws:iam::111122223333:role/configurable"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/configurable:1.0.0"

  environment {
    variables = {
      ANTHROPIC_API_KEY = var.anthropic_api_key
    }
  }
}
