FROM python:3.11-slim
# Saved with a UTF-8 byte-order mark (before FROM above): the image still runs as root.
RUN pip install --no-cache-dir torch
USER root
CMD ["python", "serve.py"]
