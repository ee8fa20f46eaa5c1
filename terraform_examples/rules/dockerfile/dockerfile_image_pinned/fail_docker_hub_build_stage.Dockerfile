# CKV_AISEC_137: a build stage from Docker Hub by tag: its tools end up in the image.
FROM python:3.11-slim AS build
RUN pip wheel --wheel-dir /wheels torch==2.3.1
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/python:3.11.9-slim
COPY --from=build /wheels /wheels
USER 10001
