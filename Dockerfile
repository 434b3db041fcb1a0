# Multi-stage build: the build stage has the toolchain; the runtime stage only the built app.
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.21.0
COPY pnpm-workspace.yaml pnpm-lock.yaml package.json ./
COPY server/package.json server/
COPY portal/package.json portal/
COPY schema/package.json schema/
COPY tests/package.json tests/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build && pnpm deploy --filter @gongzhi/server --prod --legacy /out/server \
  && cp -r server/dist /out/server/dist && mkdir -p /out/portal && cp -r portal/dist /out/portal/dist

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0 PORTAL_DIR=/app/portal/dist
WORKDIR /app
COPY --from=build /out/server /app/server
COPY --from=build /out/portal /app/portal
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server/dist/main.js"]
