# CKV2_AISEC_24: GPU and accelerator instances encrypt their EBS volumes.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input, or
# what the rule cannot or does not judge).
#
# An aws_ebs_encryption_by_default would decide for every volume here; that case is in
# tests/rules/test_gpu_instance_ebs_encrypted.py.

variable "encrypt_root" {
  type = bool
}

resource "aws_kms_key" "training" {
  description         = "training volumes"
  enable_key_rotation = true
}

resource "aws_instance" "pass_root_and_data_volume_encrypted" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "p4d.24xlarge"

  root_block_device {
    encrypted   = true
    kms_key_id  = aws_kms_key.training.arn
    volume_size = 200
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
    kms_key_id  = aws_kms_key.training.arn
    volume_size = 2000
    volume_type = "gp3"
  }
}

resource "aws_instance" "pass_root_encrypted" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"

  root_block_device {
    encrypted = true
  }
}

resource "aws_instance" "fail_no_root_block_device" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"
}

resource "aws_instance" "fail_root_unencrypted" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g6.4xlarge"

  root_block_device {
    encrypted   = false
    volume_size = 200
  }
}

resource "aws_instance" "fail_data_volume_unencrypted" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "trn1.32xlarge"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 4000
  }
}

resource "aws_launch_template" "pass_template_encrypted" {
  name_prefix   = "gpu-inference-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "inf2.xlarge"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted   = true
      kms_key_id  = aws_kms_key.training.arn
      volume_size = 100
    }
  }
}

resource "aws_launch_template" "fail_template_without_volumes" {
  name_prefix   = "gpu-batch-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.12xlarge"
}

resource "aws_launch_template" "fail_template_unencrypted_volume" {
  name_prefix   = "gpu-training-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "p5.48xlarge"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted   = false
      volume_size = 500
    }
  }
}

# The root volume comes from the template, which encrypts it.
resource "aws_instance" "pass_inherits_template" {
  launch_template {
    id = aws_launch_template.pass_template_encrypted.id
  }
}

resource "aws_instance" "unknown_volume_from_snapshot" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdg"
    snapshot_id = "snap-0a1b2c3d4e5f60001"
  }
}

resource "aws_instance" "unknown_encrypted_from_variable" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"

  root_block_device {
    encrypted = var.encrypt_root
  }
}

resource "aws_instance" "unknown_cpu_instance_not_judged" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "c7i.large"
}
