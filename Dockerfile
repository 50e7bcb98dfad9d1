# syntax=docker/dockerfile:1
#
# One image per MASH Graph service, chosen with build arguments (compose.yaml builds all five):
#   docker build --build-arg SERVICE_DIR=gateway --build-arg PORT=4000 -t mash-graph/gateway .
#   docker build --build-arg SERVICE_DIR=subgraphs/police --build-arg PORT=4002 -t mash-graph/police .
#   docker build --build-arg SERVICE_DIR=web --build-arg PORT=3000 -t mash-graph/web .
# The build stage compiles the service and the workspace packages it uses (turbo builds them in
# order) and drops development dependencies; the runtime stage holds only their dist/, the
# production node_modules and the files read at run time (SDL, migrations, the supergraph, the
# workflow's configuration, the front end's views and public files), and runs `node dist/server.js` as an unprivileged user: no TypeScript,
# no tsx, no test code, no synthetic world. Not built in CI here (no container engine on the CI
# machine): a test lints this file and checks compose.yaml against the Compose Specification.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG SERVICE_DIR
WORKDIR /app
COPY . .
RUN test -n "${SERVICE_DIR}" \
 && npm ci --no-audit --no-fund \
 && npx turbo run build --filter="@mash/$(basename "${SERVICE_DIR}")..." \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE_DIR
ARG PORT=4000
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=${PORT} \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages/platform ./packages/platform
COPY --from=build /app/packages/access-log ./packages/access-log
COPY --from=build /app/packages/agency-kit ./packages/agency-kit
COPY --from=build /app/packages/record-linkage ./packages/record-linkage
COPY --from=build /app/packages/uk-identifiers ./packages/uk-identifiers
COPY --from=build /app/packages/dev-keys ./packages/dev-keys
COPY --from=build /app/schema ./schema
COPY --from=build /app/${SERVICE_DIR} ./${SERVICE_DIR}
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE ${PORT}
WORKDIR /app/${SERVICE_DIR}
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
