# CKV_AISEC_101: no container may escalate its privileges (allowPrivilegeEscalation false in every container).
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "allow_escalation" {
  type = bool
}

resource "kubernetes_deployment_v1" "pass_every_container_locked_down" {
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
        init_container {
          name  = "fetch-weights"
          image = "registry.example.com/weights-fetcher:1.0"
          security_context {
            allow_privilege_escalation = false
            run_as_non_root            = true
            run_as_user                = 10001
          }
        }
        container {
          name  = "vllm"
          image = "registry.example.com/vllm-openai:0.6.3"
          port {
            container_port = 8000
          }
          security_context {
            allow_privilege_escalation = false
            run_as_non_root            = true
            run_as_user                = 10001
            capabilities {
              drop = ["ALL"]
            }
          }
        }
      }
    }
  }
}

resource "kubernetes_job_v1" "pass_training_job" {
  metadata {
    name      = "finetune"
    namespace = "training"
  }
  spec {
    template {
      metadata {}
      spec {
        restart_policy = "Never"
        container {
          name  = "finetune"
          image = "registry.example.com/trainer:2.1"
          security_context {
            allow_privilege_escalation = false
          }
        }
      }
    }
  }
}

resource "kubernetes_pod_v1" "fail_flag_not_set" {
  metadata {
    name = "jupyter"
  }
  spec {
    container {
      name  = "jupyter"
      image = "quay.io/jupyter/pytorch-notebook:2024-10-07"
      security_context {
        run_as_non_root = true
        run_as_user     = 1000
      }
    }
  }
}

resource "kubernetes_pod" "fail_no_security_context" {
  metadata {
    name = "embeddings"
  }
  spec {
    container {
      name  = "embeddings"
      image = "registry.example.com/embeddings:0.9.0"
    }
  }
}

resource "kubernetes_cron_job_v1" "fail_init_container_may_escalate" {
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
            restart_policy = "OnFailure"
            init_container {
              name  = "prepare-data"
              image = "registry.example.com/prepare:1.0"
              security_context {
                allow_privilege_escalation = true
              }
            }
            container {
              name  = "retrain"
              image = "registry.example.com/trainer:2.1"
              security_context {
                allow_privilege_escalation = false
              }
            }
          }
        }
      }
    }
  }
}

resource "kubernetes_deployment" "unknown_flag_from_variable" {
  metadata {
    name = "triton"
  }
  spec {
    replicas = 1
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
            allow_privilege_escalation = var.allow_escalation
          }
        }
      }
    }
  }
}
