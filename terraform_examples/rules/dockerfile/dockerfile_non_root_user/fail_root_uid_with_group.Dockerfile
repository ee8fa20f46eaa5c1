# CKV_AISEC_104 example: UID 0 is root whatever the group; Checkov's CKV_DOCKER_8 only looks for the word "root".
FROM python:3.11-slim
RUN groupadd --gid 1000 ml
COPY batch_inference.py /opt/batch/
USER 0:1000
ENTRYPOINT ["python", "/opt/batch/batch_inference.py"]
