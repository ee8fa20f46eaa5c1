# CKV_AISEC_137: the ARG's default names no tag, so the base is :latest.
ARG BASE=pytorch/pytorch
FROM ${BASE}
USER 10001
