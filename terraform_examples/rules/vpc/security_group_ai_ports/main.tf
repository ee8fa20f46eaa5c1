# CKV_AISEC_7: no ingress from 0.0.0.0/0 or ::/0 to AI tooling ports (Jupyter, TensorBoard, MLflow, Ray, Gradio,
# Streamlit, Ollama, model servers).
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "allowed_cidrs" {
  type = list(string)
}

variable "office_cidr" {
  type = string
}

variable "exposed_port" {
  type = number
}

variable "ingress_rules" {
  type = list(object({
    port = number
    cidr = string
  }))
}

variable "notebook_ports" {
  type = list(number)
}

locals {
  public_dashboards = [
    { name = "Jupyter", port = 8888 },
    { name = "TensorBoard", port = 6006 },
  ]
  public_dashboard_ports = [8888, 6006]
}

resource "aws_vpc" "ml" {
  cidr_block = "10.20.0.0/16"
}

# -- aws_security_group with inline rules ----------------------------------------------------------------------

resource "aws_security_group" "pass_jupyter_from_vpc" {
  name        = "jupyter-internal"
  description = "Jupyter reachable from inside the VPC only"
  vpc_id      = aws_vpc.ml.id

  ingress {
    description = "Jupyter from the VPC"
    from_port   = 8888
    to_port     = 8888
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.ml.cidr_block]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "pass_public_https" {
  name        = "inference-alb"
  description = "Public HTTPS load balancer in front of the model endpoint"
  vpc_id      = aws_vpc.ml.id

  ingress {
    description      = "HTTPS"
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group" "pass_udp_media_ports" {
  name        = "voice-agent-media"
  description = "WebRTC media for a voice agent"
  vpc_id      = aws_vpc.ml.id

  ingress {
    description = "RTP media"
    from_port   = 8000
    to_port     = 8100
    protocol    = "udp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "pass_rules_managed_separately" {
  name        = "model-server"
  description = "Model server; ingress rules are separate resources"
  vpc_id      = aws_vpc.ml.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "pass_dynamic_ports_from_vpc" {
  name        = "notebook-ports-internal"
  description = "Notebook ports from inside the VPC"
  vpc_id      = aws_vpc.ml.id

  dynamic "ingress" {
    for_each = var.notebook_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.20.0.0/16"]
    }
  }
}

resource "aws_security_group" "fail_public_jupyter" {
  name        = "jupyter-public"
  description = "Jupyter open to the internet"
  vpc_id      = aws_vpc.ml.id

  ingress {
    description = "Jupyter"
    from_port   = 8888
    to_port     = 8888
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "fail_all_traffic_ipv6" {
  name        = "ray-head"
  description = "Ray head node"
  vpc_id      = aws_vpc.ml.id

  ingress {
    description = "SSH from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }

  ingress {
    description      = "Everything over IPv6"
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group" "fail_wide_tcp_range" {
  name        = "gpu-workstation"
  description = "High ports for ad-hoc tools"
  vpc_id      = aws_vpc.ml.id

  ingress {
    description = "Ephemeral and tool ports"
    from_port   = 1024
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "fail_dynamic_ports_from_local" {
  name        = "dashboards"
  description = "Notebook and TensorBoard dashboards"
  vpc_id      = aws_vpc.ml.id

  dynamic "ingress" {
    for_each = local.public_dashboards
    content {
      description = ingress.value.name
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

# Checkov expands a dynamic block over a list of plain values into the right number of blocks, but leaves
# `ingress.value` itself unrendered: the ports cannot be read from HCL (a plan has them).
resource "aws_security_group" "unknown_dynamic_scalar_ports_from_local" {
  name        = "dashboards-by-port"
  description = "Notebook and TensorBoard dashboards"
  vpc_id      = aws_vpc.ml.id

  dynamic "ingress" {
    for_each = local.public_dashboard_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_security_group" "unknown_dynamic_rules_from_variable" {
  name        = "configurable-ingress"
  description = "Ingress rules passed in by the caller"
  vpc_id      = aws_vpc.ml.id

  dynamic "ingress" {
    for_each = var.ingress_rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = [ingress.value.cidr]
    }
  }
}

resource "aws_security_group" "unknown_cidr_list_variable" {
  name        = "jupyter-allowlist"
  description = "Jupyter from an allow-list"
  vpc_id      = aws_vpc.ml.id

  ingress {
    description = "Jupyter"
    from_port   = 8888
    to_port     = 8888
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
  }
}

# -- aws_security_group_rule -------------------------------------------------------------------------------------

resource "aws_security_group_rule" "fail_rule_public_mlflow" {
  type              = "ingress"
  description       = "MLflow tracking UI"
  security_group_id = aws_security_group.pass_rules_managed_separately.id
  from_port         = 5000
  to_port           = 5000
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "pass_rule_egress_all" {
  type              = "egress"
  security_group_id = aws_security_group.pass_rules_managed_separately.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "pass_rule_ollama_from_load_balancer" {
  type                     = "ingress"
  description              = "Ollama from the internal load balancer"
  security_group_id        = aws_security_group.pass_rules_managed_separately.id
  from_port                = 11434
  to_port                  = 11434
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.pass_public_https.id
}

resource "aws_security_group_rule" "unknown_rule_port_from_variable" {
  type              = "ingress"
  security_group_id = aws_security_group.pass_rules_managed_separately.id
  from_port         = var.exposed_port
  to_port           = var.exposed_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

# -- aws_vpc_security_group_ingress_rule ----------------------------------------------------------------------------

resource "aws_vpc_security_group_ingress_rule" "fail_vpc_rule_ray_dashboard_ipv6" {
  security_group_id = aws_security_group.pass_rules_managed_separately.id
  description       = "Ray dashboard"
  cidr_ipv6         = "::/0"
  from_port         = 8265
  to_port           = 8265
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "fail_vpc_rule_all_protocols" {
  security_group_id = aws_security_group.pass_rules_managed_separately.id
  description       = "Everything"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "fail_vpc_rule_triton_protocol_number" {
  security_group_id = aws_security_group.pass_rules_managed_separately.id
  description       = "Triton HTTP, gRPC and metrics"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 8000
  to_port           = 8002
  ip_protocol       = "6"
}

resource "aws_vpc_security_group_ingress_rule" "pass_vpc_rule_gradio_from_office" {
  security_group_id = aws_security_group.pass_rules_managed_separately.id
  description       = "Gradio demo from the office"
  cidr_ipv4         = "203.0.113.0/24"
  from_port         = 7860
  to_port           = 7860
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "unknown_vpc_rule_cidr_from_variable" {
  security_group_id = aws_security_group.pass_rules_managed_separately.id
  description       = "Streamlit from a caller-supplied range"
  cidr_ipv4         = var.office_cidr
  from_port         = 8501
  to_port           = 8501
  ip_protocol       = "tcp"
}
