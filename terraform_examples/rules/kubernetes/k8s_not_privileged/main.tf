# CKV_AISEC_102: no container runs privileged.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "privileged" {
  type = bool
}

resource "kubernetes_stateful_set_v1" "pass_privileged_false" {
  metadata {
    name      = "qdrant"
    namespace = "rag"
  }
  spec {
    replicas              = 3
    service_name          = "qdrant"
    pod_management_policy = "OrderedReady"
    selector {
      match_labels = { app = "qdrant" }
    }
    template {
      metadata {
        labels = { app = "qdrant" }
      }
      spec {
        container {
          name  = "qdrant"
          image = "qdrant/qdrant:v1.12.1"
          port {
            container_port = 6333
          }
          security_context {
            privileged                 = false
            allow_privilege_escalation = false
          }
        }
      }
    }
  }
}

resource "kubernetes_job" "pass_not_set" {
  metadata {
    name      = "embed-corpus"
    namespace = "rag"
  }
  spec {
    template {
      metadata {}
      spec {
        restart_policy = "Never"
        container {
          name  = "embed"
          image = "registry.example.com/embeddings:0.9.0"
        }
      }
    }
  }
}

resource "kubernetes_daemonset" "fail_privileged_gpu_agent" {
  metadata {
    name      = "gpu-agent"
    namespace = "kube-system"
  }
  spec {
    selector {
      match_labels = { app = "gpu-agent" }
    }
    template {
      metadata {
        labels = { app = "gpu-agent" }
      }
      spec {
        container {
          name  = "gpu-agent"
          image = "registry.example.com/gpu-agent:1.3"
          security_context {
            privileged = true
          }
        }
      }
    }
  }
}

resource "kubernetes_daemon_set_v1" "fail_privileged_init_container" {
  metadata {
    name      = "node-model-cache"
    namespace = "inference"
  }
  spec {
    selector {
      match_labels = { app = "node-model-cache" }
    }
    template {
      metadata {
        labels = { app = "node-model-cache" }
      }
      spec {
        init_container {
          name  = "tune-sysctl"
          image = "registry.example.com/node-tuner:0.2"
          security_context {
            privileged = true
          }
        }
        container {
          name  = "cache"
          image = "registry.example.com/model-cache:1.0"
        }
      }
    }
  }
}

resource "kubernetes_cron_job" "unknown_privileged_from_variable" {
  metadata {
    name = "gpu-burn-in"
  }
  spec {
    schedule = "0 4 * * 0"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            restart_policy = "Never"
            container {
              name  = "burn-in"
              image = "registry.example.com/gpu-burn:1.1"
              security_context {
                privileged = var.privileged
              }
            }
          }
        }
      }
    }
  }
}
