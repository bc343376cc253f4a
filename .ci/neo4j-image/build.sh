#!/usr/bin/env bash
# Builds the Neo4j server image the container tests run against, offline: no image registry, only Debian's
# packages and Maven Central.
#   1. a base image from Debian's own packages: debootstrap --variant=minbase bookworm, plus
#      openjdk-17-jre-headless, imported with `docker import` (convergence/debian-jre17:bookworm);
#   2. on it, the Neo4j community server of the version the project embeds, its jars resolved by Maven
#      (pom.xml here), started through its own entry point (CommunityEntryPoint) by docker-entrypoint.sh,
#      configured like the official image (0.0.0.0, ports 7474 and 7687, NEO4J_AUTH, NEO4J_* settings).
# Tagged convergence/neo4j:<version>; the tests take it as a substitute for `neo4j`. Each image is built once
# and reused while its inputs are unchanged (a label holds their hash). Needs root, docker, debootstrap.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
version=$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$top/pom.xml")
image="convergence/neo4j:$version"
base="convergence/debian-jre17:bookworm"
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}

inputs=$( (cat "$here/Dockerfile" "$here/docker-entrypoint.sh" "$here/pom.xml" "$here"/conf/*; echo "$version") \
  | sha256sum | cut -c1-16)
if [ "$(docker image inspect -f '{{ index .Config.Labels "convergence.inputs" }}' "$image" 2>/dev/null)" = "$inputs" ]; then
  echo "image $image is up to date ($inputs)"
  exit 0
fi
started=$(date +%s)

if ! docker image inspect "$base" >/dev/null 2>&1; then
  echo "building the base image $base from Debian's packages ($mirror)"
  rootfs=$(mktemp -d /var/tmp/convergence-rootfs.XXXXXX)
  trap 'umount "$rootfs/proc" 2>/dev/null || true; rm -rf "$rootfs"' EXIT
  log=/var/tmp/convergence-base-image.log
  # apt's chatter in the chroot (no /dev/pts there, downloads as root) goes to the log, shown on failure
  if ! { debootstrap --variant=minbase bookworm "$rootfs" "$mirror" \
      && mount -t proc proc "$rootfs/proc" \
      && chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        openjdk-17-jre-headless \
      && chroot "$rootfs" apt-get clean; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "the base image could not be built (whole log: $log)" >&2
    exit 1
  fi
  umount "$rootfs/proc"
  rm -rf "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$base" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

echo "building $image"
context=$(mktemp -d /var/tmp/convergence-image.XXXXXX)
trap 'rm -rf "$context"' EXIT
cp -r "$here/Dockerfile" "$here/docker-entrypoint.sh" "$here/conf" "$context/"
mvn -B -q -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$context/lib"
# docker's own chatter (the legacy builder's notice) is shown only when the build fails
if ! docker build -q --build-arg "BASE=$base" --label "convergence.inputs=$inputs" -t "$image" "$context" \
    >"$context/build.log" 2>&1; then
  cat "$context/build.log" >&2
  exit 1
fi
echo "built $image in $(( $(date +%s) - started )) s"
