# A root configuration that calls a reusable module twice: once with its toggles on, once with its defaults.
# Every expected finding is listed in tests/test_realistic_modules.py and explained in the module's comments.

provider "aws" {
  region = "us-east-1"
}

resource "aws_kms_key" "platform" {
  description         = "ML platform key"
  enable_key_rotation = true
}

module "research" {
  source          = "./modules/ml_workspace"
  name            = "research"
  kms_key_arn     = aws_kms_key.platform.arn
  create_notebook = true
  create_agent    = true
  versioning      = true
  # Public access is turned off for this bucket: the module's access block is not created and covers nothing.
  block_public_access  = false
  agent_log_group_name = "/research/agent"
  guardrail            = { id = "gr-research", version = "1" }
  notebook = {
    instance_type = "ml.t3.large"
    kms_key_id    = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    subnet_id     = "subnet-0abc"
  }
}

module "sandbox" {
  source = "./modules/ml_workspace"
  name   = "sandbox"
}

# An agent without a guardrail: the module's dynamic guardrail block has no instance when var.guardrail is null.
module "assistant" {
  source       = "./modules/ml_workspace"
  name         = "assistant"
  create_agent = true
}
