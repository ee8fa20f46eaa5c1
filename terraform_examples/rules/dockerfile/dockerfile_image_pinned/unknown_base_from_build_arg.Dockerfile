# CKV_AISEC_137: the base comes from --build-arg only: no verdict.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
USER 10001
