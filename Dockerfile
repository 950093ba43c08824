# syntax=docker/dockerfile:1
# Welcome Desk: a multi-stage image (issue 13, build section 10). See docs/operations.md.
#   docker build -t welcome-desk .
#   docker run -d --init -p 3000:3000 -v welcome-desk-data:/app/data welcome-desk

# ---- build: compilers for the native modules (better-sqlite3, hnswlib-node), all dependencies, the bundles
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY server ./server
COPY widget ./widget
# dist/server.js (+ the CLIs) and widget/dist/{widget,console}.js
RUN npm run build
# Drop the development packages; the native modules compiled above stay.
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production packages, the build output and the content; no compilers, no TypeScript sources
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# Owned by root and only readable by the server's user: it can write nothing but its data folder.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/widget/dist ./widget/dist
COPY widget/demo ./widget/demo
COPY widget/console/index.html ./widget/console/index.html
COPY knowledge ./knowledge
COPY prompts ./prompts
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# The conversation database, the app secret, the search index and the trained models. The index and the models
# are rebuilt from knowledge/ at the first start (about a minute) and whenever the knowledge changes.
VOLUME /app/data
# node is in the image, curl is not. The first start indexes the knowledge and trains the models: allow for it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=600s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is the container's main process: SIGTERM (docker stop) reaches the server, which closes gracefully.
CMD ["node", "--enable-source-maps", "dist/server.js"]
