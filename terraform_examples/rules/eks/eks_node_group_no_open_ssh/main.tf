# CKV_AISEC_49: EKS node groups do not open SSH to the internet.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "admin_security_group_ids" {
  type = list(string)
}

resource "aws_security_group" "bastion" {
  name        = "ml-bastion"
  description = "Bastion hosts that may reach GPU nodes over SSH"
  vpc_id      = "vpc-0a1b2c3d4e5f60000"
}

resource "aws_eks_node_group" "pass_no_remote_access" {
  cluster_name    = "training"
  node_group_name = "gpu-ssm-only"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  instance_types  = ["g5.2xlarge"]
  ami_type        = "AL2023_x86_64_NVIDIA"

  scaling_config {
    desired_size = 1
    max_size     = 4
    min_size     = 0
  }
}

resource "aws_eks_node_group" "pass_ssh_from_bastion" {
  cluster_name    = "training"
  node_group_name = "gpu-bastion"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  instance_types  = ["p4d.24xlarge"]
  ami_type        = "AL2_x86_64_GPU"

  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 0
  }

  remote_access {
    ec2_ssh_key               = "ml-admins"
    source_security_group_ids = [aws_security_group.bastion.id]
  }
}

resource "aws_eks_node_group" "fail_ssh_from_anywhere" {
  cluster_name    = "training"
  node_group_name = "gpu-debug"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  instance_types  = ["g6.xlarge"]
  ami_type        = "AL2023_x86_64_NVIDIA"

  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 0
  }

  remote_access {
    ec2_ssh_key = "ml-admins"
  }
}

resource "aws_eks_node_group" "unknown_sources_from_variable" {
  cluster_name    = "training"
  node_group_name = "gpu-admins"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-node"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  instance_types  = ["g5.2xlarge"]

  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 0
  }

  remote_access {
    ec2_ssh_key               = "ml-admins"
    source_security_group_ids = var.admin_security_group_ids
  }
}
