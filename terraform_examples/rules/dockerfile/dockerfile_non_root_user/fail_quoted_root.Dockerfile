# A quoted user is still root: the runtime reads USER "root" as root.
FROM python:3.11-slim
RUN pip install --no-cache-dir torch
USER "root"
CMD ["python", "serve.py"]
