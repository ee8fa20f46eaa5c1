# Terraform constructs the rules must see through: count, for_each, dynamic blocks, a local module called
# twice, locals and terraform.tfvars. tests/test_robustness_stack.py asserts the exact findings Checkov
# reports here (HCL only: a plan has no such constructs left, every instance is expanded).

variable "notebook_internet" {
  type        = string
  description = "Set in terraform.tfvars"
}

variable "tool_ports" {
  type    = list(number)
  default = [8888, 6006]
}

locals {
  encryption_key = aws_kms_key.data.arn
  open_to_all    = ["0.0.0.0/0"]
  notebooks = {
    research = { instance_type = "ml.t3.medium", internet = "Disabled" }
    scratch  = { instance_type = "ml.t3.large", internet = var.notebook_internet }
  }
}

resource "aws_kms_key" "data" {
  description         = "robustness example"
  enable_key_rotation = true
}

# count: two identical configurations, both on a customer-managed key.
resource "aws_s3_bucket_server_side_encryption_configuration" "counted" {
  count  = 2
  bucket = "example-counted-${count.index}"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = local.encryption_key
    }
  }
}

# for_each over a local map: "scratch" takes its internet setting from terraform.tfvars ("Enabled").
resource "aws_sagemaker_notebook_instance" "each" {
  for_each               = local.notebooks
  name                   = each.key
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  instance_type          = each.value.instance_type
  subnet_id              = "subnet-0123456789abcdef0"
  direct_internet_access = each.value.internet
}

# dynamic blocks over a variable's default: Jupyter and TensorBoard open to the internet.
resource "aws_security_group" "tools" {
  name   = "ml-tools"
  vpc_id = "vpc-0123456789abcdef0"

  dynamic "ingress" {
    for_each = var.tool_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = local.open_to_all
    }
  }
}

# a local module, called twice: once securely, once with SSE-S3.
module "secure_artifacts" {
  source        = "./modules/model_bucket"
  bucket_name   = "example-robust-secure-artifacts"
  sse_algorithm = "aws:kms"
  kms_key_arn   = aws_kms_key.data.arn
}

module "plain_artifacts" {
  source        = "./modules/model_bucket"
  bucket_name   = "example-robust-plain-artifacts"
  sse_algorithm = "AES256"
  kms_key_arn   = null
}
