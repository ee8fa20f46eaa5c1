# CKV_AISEC_47: EKS cluster API endpoints are private or limited to known CIDR ranges.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "public_endpoint" {
  type = bool
}

variable "admin_cidr" {
  type = string
}

variable "admin_cidrs" {
  type = list(string)
}

resource "aws_iam_role" "cluster" {
  name = "eks-cluster"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_eks_cluster" "pass_private_endpoint" {
  name     = "training"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_cluster" "pass_office_and_ci_ranges" {
  name     = "inference"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_private_access = true
    public_access_cidrs     = ["203.0.113.0/24", "198.51.100.17/32"]
  }
}

resource "aws_eks_cluster" "fail_defaults" {
  name     = "notebooks"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  }
}

resource "aws_eks_cluster" "fail_open_to_internet" {
  name     = "batch"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_public_access = true
    public_access_cidrs    = ["0.0.0.0/0"]
  }
}

# The two halves of the IPv4 space are the whole internet.
resource "aws_eks_cluster" "fail_halves_cover_internet" {
  name     = "evaluation"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    public_access_cidrs = ["0.0.0.0/1", "128.0.0.0/1"]
  }
}

resource "aws_eks_cluster" "unknown_public_access_from_variable" {
  name     = "feature-store"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_public_access = var.public_endpoint
  }
}

resource "aws_eks_cluster" "unknown_cidr_from_variable" {
  name     = "labeling"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    public_access_cidrs = [var.admin_cidr]
  }
}

# Checkov renders a list variable without a default as [], which the rule does not read as "unset".
resource "aws_eks_cluster" "unknown_cidr_list_from_variable" {
  name     = "serving"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    public_access_cidrs = var.admin_cidrs
  }
}
