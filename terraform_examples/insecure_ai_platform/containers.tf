# --- Model images, the ECS inference service, the EKS GPU cluster ----------------------------------

resource "aws_ecr_repository" "llm_server" {
  name                 = "llm-server"
  image_tag_mutability = "MUTABLE" # <- CKV_AISEC_45

  image_scanning_configuration {
    scan_on_push = false # <- CKV2_AISEC_20
  }
  # AES256 by default, no customer-managed key   <- CKV_AISEC_46
}

resource "aws_cloudwatch_log_group" "inference" {
  name              = "/ecs/llm-server"
  kms_key_id        = aws_kms_key.logs.arn
  retention_in_days = 7 # <- CKV_AISEC_77 (too short for incident response)
}

resource "aws_ecs_cluster" "inference" {
  name = "inference"
}

resource "aws_ecs_task_definition" "llm_server" {
  family                   = "llm-server"
  requires_compatibilities = ["EC2"]
  network_mode             = "host" # <- CKV_AISEC_106
  cpu                      = 4096
  memory                   = 16384
  execution_role_arn       = aws_iam_role.ecs_execution.arn
  # The execution role doubles as the task role: the internet-facing model server gets AmazonS3FullAccess
  # and can read and overwrite the model artifacts   <- CKV2_AISEC_45 (on the service), CKV2_AISEC_46 (on the bucket)
  task_role_arn = aws_iam_role.ecs_execution.arn
  container_definitions = jsonencode([{
    name                   = "vllm"
    image                  = "vllm/vllm-openai:v0.6.3" # Docker Hub, by a tag its publisher can move   <- CKV_AISEC_135
    essential              = true
    user                   = "root" # <- CKV_AISEC_10
    readonlyRootFilesystem = false  # <- CKV_AISEC_105
    portMappings           = [{ containerPort = 8000, protocol = "tcp" }]
    command                = ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--port", "8000", "--trust-remote-code"] # <- CKV_AISEC_131
    environment = [
      { name = "HF_TOKEN", value = "hf_EXAMPLEexampleEXAMPLEexampleEXAMPL" }, # literal Hub token for the gated model   <- CKV_AISEC_140
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/llm-server"
        awslogs-region        = "us-east-1"
        awslogs-stream-prefix = "vllm"
      }
    }
  }])
}

resource "aws_ecs_service" "llm_server" {
  name            = "llm-server"
  cluster         = aws_ecs_cluster.inference.id
  task_definition = aws_ecs_task_definition.llm_server.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_groups  = [aws_security_group.workloads.id]
    assign_public_ip = true # <- CKV_AISEC_107
  }
}

resource "aws_eks_cluster" "training" {
  name     = "training"
  role_arn = aws_iam_role.eks_cluster.arn

  vpc_config {
    subnet_ids              = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    endpoint_private_access = true
    endpoint_public_access  = true # open to 0.0.0.0/0 by default   <- CKV_AISEC_47
  }
  # no encryption_config for Kubernetes secrets   <- CKV_AISEC_48
}

resource "aws_eks_node_group" "gpu" {
  cluster_name    = aws_eks_cluster.training.name
  node_group_name = "gpu"
  node_role_arn   = aws_iam_role.eks_nodes.arn
  subnet_ids      = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  instance_types  = ["g5.2xlarge"]
  ami_type        = "AL2_x86_64_GPU"

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 0
  }

  remote_access {
    ec2_ssh_key = "ml-admins" # and no source_security_group_ids: SSH from anywhere   <- CKV_AISEC_49
  }
}

resource "aws_launch_template" "gpu_training" {
  name          = "gpu-training"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "p4d.24xlarge"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # <- CKV2_AISEC_23
  }

  network_interfaces {
    associate_public_ip_address = true # <- CKV2_AISEC_22
    subnet_id                   = aws_subnet.private_a.id
    security_groups             = [aws_security_group.workloads.id]
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 500
      encrypted   = true
      kms_key_id  = aws_kms_key.ml.arn
    }
  }
}

resource "aws_efs_file_system" "shared_datasets" {
  creation_token = "shared-datasets"
  encrypted      = false # <- CKV_AISEC_50
}
