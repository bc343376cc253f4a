#!/bin/bash
# Starts the Neo4j community server as the official image does, from its own jars and entry point:
#   NEO4J_AUTH=none            authentication off
#   NEO4J_AUTH=neo4j/PASSWORD  authentication on, user neo4j with that initial password (at least 8 characters)
#   NEO4J_server_memory_pagecache_size=512M and the like: settings (`_` for `.`, `__` for `_`)
set -euo pipefail
home=/opt/neo4j
conf=$home/conf/neo4j.conf
cp "$home/conf/neo4j.conf.base" "$conf"
for var in $(env | grep -o '^NEO4J_[A-Za-z0-9_]*' || true); do
  case "$var" in NEO4J_AUTH|NEO4J_HOME|NEO4J_CONF|NEO4J_ACCEPT_LICENSE_AGREEMENT) continue ;; esac
  key=$(printf '%s' "${var#NEO4J_}" | sed 's/__/\x01/g; s/_/./g; s/\x01/_/g')
  printf '%s=%s\n' "$key" "${!var}" >> "$conf"
done
auth=${NEO4J_AUTH:-none}
export NEO4J_HOME=$home NEO4J_CONF=$home/conf
if [ "$auth" = none ]; then
  echo "dbms.security.auth_enabled=false" >> "$conf"
else
  user=${auth%%/*}
  password=${auth#*/}
  if [ "$user" != neo4j ] || [ "${#password}" -lt 8 ]; then
    echo "NEO4J_AUTH must be none or neo4j/PASSWORD with a password of at least 8 characters" >&2
    exit 1
  fi
  echo "dbms.security.auth_enabled=true" >> "$conf"
  # read at the first start only, as in the official image; a store that has a password keeps it
  if [ ! -d /data/databases/system ]; then
    java -cp "$home/lib/*" org.neo4j.server.startup.Neo4jAdminCommand dbms set-initial-password "$password" >/dev/null
  fi
fi
exec java ${JAVA_OPTS:--Xmx512m} -cp "$home/lib/*" org.neo4j.server.CommunityEntryPoint --home-dir="$home" --console-mode \
  --config-dir="$home/conf"
