# CKV_AISEC_100: every container runs as a non-root user.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "model_server_uid" {
  type = number
}

resource "kubernetes_deployment_v1" "pass_pod_level_non_root" {
  metadata {
    name      = "vllm"
    namespace = "inference"
  }
  spec {
    replicas = 2
    selector {
      match_labels = { app = "vllm" }
    }
    template {
      metadata {
        labels = { app = "vllm" }
      }
      spec {
        security_context {
          run_as_non_root = true
          run_as_user     = 10001
        }
        container {
          name  = "vllm"
          image = "registry.example.com/vllm-openai:0.6.3"
        }
      }
    }
  }
}

resource "kubernetes_pod_v1" "pass_container_uid" {
  metadata {
    name = "batch-inference"
  }
  spec {
    container {
      name  = "infer"
      image = "registry.example.com/infer:1.2"
      security_context {
        run_as_user = 1000
      }
    }
  }
}

resource "kubernetes_pod" "fail_no_user" {
  metadata {
    name = "jupyter"
  }
  spec {
    container {
      name  = "jupyter"
      image = "quay.io/jupyter/pytorch-notebook:2024-10-07"
    }
  }
}

resource "kubernetes_cron_job_v1" "fail_root_uid" {
  metadata {
    name = "retrain"
  }
  spec {
    schedule = "0 3 * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            container {
              name  = "retrain"
              image = "registry.example.com/trainer:2.1"
              security_context {
                run_as_user = 0
              }
            }
          }
        }
      }
    }
  }
}

resource "kubernetes_deployment" "unknown_uid_from_variable" {
  metadata {
    name = "triton"
  }
  spec {
    selector {
      match_labels = { app = "triton" }
    }
    template {
      metadata {
        labels = { app = "triton" }
      }
      spec {
        container {
          name  = "triton"
          image = "nvcr.io/nvidia/tritonserver:24.09-py3"
          security_context {
            run_as_user = var.model_server_uid
          }
        }
      }
    }
  }
}
