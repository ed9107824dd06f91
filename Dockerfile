# Flint: one image for the namenode, the workers and drivers (`flint submit`).
#
#   npm install                                  # installs and builds: the image copies the result
#   docker build -t flint .
#   docker compose up -d --scale worker=4        # see docker-compose.yml and the README
#
# The build runs no npm: it copies the built repository (node_modules and dist included), so
# it needs no registry beyond the base image. Where node:20-slim cannot be pulled,
# scripts/docker-base-image.sh makes a base image from this machine's Node.js 20 with
# `docker import`:  docker build --build-arg BASE_IMAGE=flint-node-base:20 -t flint .
ARG BASE_IMAGE=node:20-slim
FROM ${BASE_IMAGE}

# The workspace links in node_modules/@flint point to ../../packages/*: keep the tree's layout.
COPY . /flint
WORKDIR /flint
ENV PATH=/flint/node_modules/.bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    FLINT_HOME=/flint

# The namenode's metadata or a worker's blocks and spilled shuffle data.
VOLUME /data
# Defaults of the namenode's RPC and web UI ports; workers pick free ports (--port 0).
EXPOSE 9000 9870

ENTRYPOINT ["node", "/flint/packages/driver/dist/cli/flint.js"]
CMD ["--help"]
