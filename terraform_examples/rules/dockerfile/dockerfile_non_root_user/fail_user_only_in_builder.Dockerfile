# CKV_AISEC_104 example: the USER belongs to the build stage; the final stage starts from a fresh image as root.
FROM python:3.11 AS build
RUN useradd --create-home builder
USER builder
WORKDIR /home/builder
COPY --chown=builder requirements.txt .
RUN pip install --user --no-cache-dir -r requirements.txt

FROM python:3.11-slim
COPY --from=build /home/builder/.local /usr/local
COPY app/ /app/
WORKDIR /app
CMD ["python", "-m", "rag_api"]
