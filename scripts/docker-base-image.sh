#!/usr/bin/env bash
# Makes a minimal Node.js base image with `docker import`, for machines that cannot pull
# node:20-slim from a registry:
#
#   scripts/docker-base-image.sh [TAG]        # default TAG: flint-node-base:20
#   docker build --build-arg BASE_IMAGE=flint-node-base:20 -t flint .
#
# The root file system holds this machine's `node` (it must be Node.js 20 for glibc), the shared
# libraries that it and the native addons in node_modules link against, the dynamic loader, a
# static busybox as /bin/sh when one is installed (Debian: busybox-static), and /tmp.
set -euo pipefail

tag=${1:-flint-node-base:20}
repo=$(cd "$(dirname "$0")/.." && pwd)
node=$(readlink -f "$(command -v node)")
major=$("$node" -p 'process.versions.node.split(".")[0]')
if [ "$major" != 20 ]; then
  echo "docker-base-image: $node is Node.js $major; the image wants Node.js 20" >&2
  exit 1
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/usr/bin "$root"/usr/lib "$root"/usr/lib64 "$root"/etc "$root"/root "$root"/data
mkdir -m 1777 "$root"/tmp
# Merged /usr, as Debian lays it out: library paths that ldd prints under /lib land in /usr/lib.
ln -s usr/bin "$root"/bin
ln -s usr/sbin "$root"/sbin
ln -s usr/lib "$root"/lib
ln -s usr/lib64 "$root"/lib64
mkdir -p "$root"/usr/sbin
cp "$node" "$root"/usr/bin/node

# Every library ldd resolves to an absolute path (musl builds of addons fail ldd and are skipped).
addons=$(find "$repo"/node_modules -name '*.node' 2>/dev/null || true)
libraries=$(for binary in "$node" $addons; do ldd "$binary" 2>/dev/null || true; done | grep -v ': ' |
  awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u)
for library in $libraries; do
  mkdir -p "$root$(dirname "$library")"
  cp -L "$library" "$root$library"
done

busybox=$(command -v busybox || true)
if [ -n "$busybox" ] && ! ldd "$busybox" >/dev/null 2>&1; then # ldd fails on a static binary
  cp "$busybox" "$root"/usr/bin/busybox
  for applet in sh ls cat sleep mkdir rm ps env hostname du df; do ln -s busybox "$root/usr/bin/$applet"; done
fi

printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root"/etc/passwd
printf 'root:x:0:\n' >"$root"/etc/group

tar -C "$root" -cf - . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' \
  --message "Node.js $("$node" --version) from $(hostname), for Flint" \
  - "$tag" >/dev/null
echo "docker-base-image: built $tag (Node.js $("$node" --version), $(du -sh "$root" | cut -f1))"
