# CKV2_AISEC_23: GPU and accelerator instances accept only IMDSv2 for instance metadata.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input, or
# an instance type the rule does not judge).
#
# An account-level aws_ec2_instance_metadata_defaults would decide for every instance here that sets nothing
# itself; those cases are in tests/rules/test_gpu_instance_imdsv2.py.

variable "training_instance_type" {
  type = string
}

variable "http_tokens" {
  type = string
}

resource "aws_launch_template" "pass_template_requires_tokens" {
  name_prefix   = "gpu-inference-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }
}

# No instance type: attribute-based selection that asks for at least one accelerator.
resource "aws_launch_template" "pass_template_accelerator_requirements" {
  name_prefix = "gpu-any-"
  image_id    = "ami-0a1b2c3d4e5f60001"

  instance_requirements {
    accelerator_count {
      min = 1
    }
    accelerator_types = ["gpu"]
    memory_mib {
      min = 16384
    }
    vcpu_count {
      min = 4
    }
  }

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "fail_template_tokens_optional" {
  name_prefix   = "gpu-batch-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "g6.2xlarge"

  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_launch_template" "unknown_template_without_instance_type" {
  name_prefix = "workers-"
  image_id    = "ami-0a1b2c3d4e5f60001"
}

resource "aws_instance" "pass_tokens_required" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "p4d.24xlarge"

  metadata_options {
    http_tokens = "required"
  }
}

# Takes both the instance type and the metadata options from its launch template.
resource "aws_instance" "pass_inherits_template" {
  launch_template {
    id      = aws_launch_template.pass_template_requires_tokens.id
    version = "$Latest"
  }
}

resource "aws_instance" "pass_metadata_endpoint_disabled" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "trn1.32xlarge"

  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_instance" "fail_metadata_options_unset" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"
}

resource "aws_instance" "fail_tokens_optional" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "inf2.xlarge"

  metadata_options {
    http_tokens = "optional"
  }
}

# The instance's own setting overrides the template's.
resource "aws_instance" "fail_overrides_template" {
  instance_type = "g5.2xlarge"

  launch_template {
    id = aws_launch_template.pass_template_requires_tokens.id
  }

  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_instance" "unknown_cpu_instance_not_judged" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "m7i.large"
}

resource "aws_instance" "unknown_instance_type_from_variable" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = var.training_instance_type
}

resource "aws_instance" "unknown_tokens_from_variable" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "p5.48xlarge"

  metadata_options {
    http_tokens = var.http_tokens
  }
}
