# vision2code web app: Debian's Python image with Debian's Chromium (Playwright never downloads a browser).
FROM python:3.11-slim-bookworm

ENV DEBIAN_FRONTEND=noninteractive \
    PIP_NO_CACHE_DIR=1 \
    GRADIO_ANALYTICS_ENABLED=False \
    V2C_CHROMIUM=/usr/bin/chromium

RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-dejavu-core fonts-wqy-zenhei \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY app ./app
COPY vision ./vision
COPY codegen ./codegen
COPY assets ./assets
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
 && pip install ".[web,model,debug]"

EXPOSE 7860
CMD ["v2c", "serve", "--host", "0.0.0.0", "--port", "7860"]
