# CKV_AISEC_140: ECS containers take credentials from secrets, not from literal environment values.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# The credentials below are made-up examples in the providers' formats.

variable "openai_api_key" {
  type      = string
  sensitive = true
}

resource "aws_ecs_task_definition" "pass_secrets_field" {
  family = "agent"
  container_definitions = jsonencode([{
    name  = "agent"
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/agent:2.0.1"
    environment = [
      { name = "OPENAI_API_KEY_SECRET_ARN", value = "arn:aws:secretsmanager:us-east-1:111122223333:secret:openai-AbCdEf" },
      { name = "MAX_NEW_TOKENS", value = "512" },
    ]
    secrets = [
      { name = "ANTHROPIC_API_KEY", valueFrom = "arn:aws:secretsmanager:us-east-1:111122223333:secret:anthropic-AbCdEf" },
    ]
  }])
}

resource "aws_ecs_task_definition" "fail_openai_key_in_environment" {
  family = "chat-backend"
  container_definitions = jsonencode([{
    name  = "backend"
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/chat-backend:3.1.0"
    environment = [
      { name = "LLM_PROVIDER_KEY", value = "sk-proj-EXAMPLEexampleEXAMPLEexample0123456789" },
    ]
  }])
}

resource "aws_ecs_task_definition" "fail_aws_secret_access_key" {
  family = "trainer"
  container_definitions = jsonencode([
    {
      name  = "trainer"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/trainer:0.9.0"
      environment = [
        { name = "AWS_ACCESS_KEY_ID", value = "AKIAIOSFODNN7EXAMPLE" },
        { name = "AWS_SECRET_ACCESS_KEY", value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
      ]
    },
  ])
}

resource "aws_ecs_task_definition" "unknown_key_from_variable" {
  family = "configurable"
  container_definitions = jsonencode([{
    name        = "agent"
    image       = "111122223333.dkr.ecr.us-east-1.amazonaws.com/agent:2.0.1"
    environment = [{ name = "OPENAI_API_KEY", value = var.openai_api_key }]
  }])
}
