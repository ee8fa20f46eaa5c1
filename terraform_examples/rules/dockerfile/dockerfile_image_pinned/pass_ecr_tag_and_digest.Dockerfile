# CKV_AISEC_137: a build stage from the account's ECR by version tag, the final stage from a public image by digest.
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/pytorch-base:2.3.1-cuda12.1 AS build
RUN pip wheel --wheel-dir /wheels -r /src/requirements.txt
FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04@sha256:5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e
COPY --from=build /wheels /wheels
USER 10001
