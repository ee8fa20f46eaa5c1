# CKV_AISEC_136: Kubernetes workloads run pinned images.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "image" {
  type = string
}

resource "kubernetes_pod_v1" "pass_account_ecr_tag" {
  metadata {
    name = "pass-account-ecr-tag"
  }
  spec {
    container {
      name  = "vllm"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:0.6.3"
    }
  }
}

resource "kubernetes_pod_v1" "pass_digest" {
  metadata {
    name = "pass-digest"
  }
  spec {
    container {
      name  = "triton"
      image = "nvcr.io/nvidia/tritonserver@sha256:3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c"
    }
  }
}

resource "kubernetes_pod_v1" "fail_latest" {
  metadata {
    name = "fail-latest"
  }
  spec {
    container {
      name  = "ollama"
      image = "ollama/ollama:latest"
    }
  }
}

resource "kubernetes_pod_v1" "fail_public_tag" {
  metadata {
    name = "fail-public-tag"
  }
  spec {
    container {
      name  = "tgi"
      image = "ghcr.io/huggingface/text-generation-inference:2.4.0"
    }
  }
}

resource "kubernetes_pod_v1" "unknown_image_from_variable" {
  metadata {
    name = "unknown-image-from-variable"
  }
  spec {
    container {
      name  = "app"
      image = var.image
    }
  }
}
