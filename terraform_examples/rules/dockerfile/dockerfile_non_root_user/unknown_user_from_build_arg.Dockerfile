# CKV_AISEC_104 example: the user is a build argument without a default; only the build command knows it.
FROM python:3.11-slim
ARG APP_USER
COPY embedder/ /opt/embedder/
USER $APP_USER
CMD ["python", "-m", "embedder"]
