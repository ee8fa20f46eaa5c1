# CKV_AISEC_137: FROM scratch and FROM an earlier stage are not images to pin.
ARG BASE=111122223333.dkr.ecr.us-east-1.amazonaws.com/python:3.11.9-slim
FROM ${BASE} AS base
RUN pip install --no-cache-dir onnxruntime==1.18.1
FROM base AS server
USER 10001
FROM scratch AS export
COPY --from=server /usr/local/lib/python3.11 /python
