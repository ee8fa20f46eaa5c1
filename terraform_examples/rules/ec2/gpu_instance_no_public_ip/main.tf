# CKV2_AISEC_22: GPU and accelerator instances get no public IP address.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input, or
# what the rule cannot or does not judge).

variable "subnet_id" {
  type = string
}

resource "aws_vpc" "ml" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.ml.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.ml.id
  cidr_block              = "10.20.100.0/24"
  map_public_ip_on_launch = true
}

resource "aws_instance" "pass_private_subnet" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"
  subnet_id     = aws_subnet.private.id
}

resource "aws_instance" "pass_public_subnet_address_turned_off" {
  ami                         = "ami-0a1b2c3d4e5f60001"
  instance_type               = "p4d.24xlarge"
  subnet_id                   = aws_subnet.public.id
  associate_public_ip_address = false
}

resource "aws_instance" "fail_public_subnet" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g6e.xlarge"
  subnet_id     = aws_subnet.public.id
}

resource "aws_instance" "fail_asks_for_public_address" {
  ami                         = "ami-0a1b2c3d4e5f60001"
  instance_type               = "trn1.2xlarge"
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = true
}

# No subnet_id: a default subnet of the default VPC, which maps public addresses.
resource "aws_instance" "fail_default_vpc" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "inf2.xlarge"
}

resource "aws_instance" "fail_elastic_ip" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.2xlarge"
  subnet_id     = aws_subnet.private.id
}

resource "aws_eip" "notebook" {
  domain   = "vpc"
  instance = aws_instance.fail_elastic_ip.id
}

resource "aws_launch_template" "pass_template_address_turned_off" {
  name_prefix   = "gpu-inference-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"

  network_interfaces {
    associate_public_ip_address = false
    subnet_id                   = aws_subnet.public.id
  }
}

resource "aws_launch_template" "fail_template_public_address" {
  name_prefix   = "gpu-debug-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "g4dn.xlarge"

  network_interfaces {
    associate_public_ip_address = true
  }
}

# The Auto Scaling group or node group that uses the template picks the subnet.
resource "aws_launch_template" "unknown_template_subnet_chosen_elsewhere" {
  name_prefix   = "gpu-workers-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.12xlarge"
}

# Inherits the template's network interface, which turns the public address off.
resource "aws_instance" "pass_inherits_template" {
  launch_template {
    id = aws_launch_template.pass_template_address_turned_off.id
  }
}

resource "aws_instance" "unknown_cpu_instance_not_judged" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "m7i.large"
  subnet_id     = aws_subnet.public.id
}

resource "aws_instance" "unknown_subnet_from_variable" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "p5.48xlarge"
  subnet_id     = var.subnet_id
}
