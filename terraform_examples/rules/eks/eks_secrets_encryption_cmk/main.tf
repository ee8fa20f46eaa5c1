# CKV_AISEC_48: EKS clusters envelope-encrypt Kubernetes secrets with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "secrets_key_arn" {
  type = string
}

variable "encrypted_resources" {
  type = list(string)
}

resource "aws_kms_key" "eks_secrets" {
  description         = "EKS secrets"
  enable_key_rotation = true
}

resource "aws_eks_cluster" "pass_cmk_reference" {
  name     = "training"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_public_access = false
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks_secrets.arn
    }
  }
}

resource "aws_eks_cluster" "pass_cmk_arn" {
  name     = "inference"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_public_access = false
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}

resource "aws_eks_cluster" "fail_no_encryption_config" {
  name     = "notebooks"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_public_access = false
  }
}

resource "aws_eks_cluster" "unknown_key_from_variable" {
  name     = "batch"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_public_access = false
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = var.secrets_key_arn
    }
  }
}

resource "aws_eks_cluster" "unknown_resources_from_variable" {
  name     = "evaluation"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    endpoint_public_access = false
  }

  encryption_config {
    resources = var.encrypted_resources
    provider {
      key_arn = aws_kms_key.eks_secrets.arn
    }
  }
}
