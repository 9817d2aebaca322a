#!/usr/bin/env bash
# Runs a PostgreSQL 17 client tool (pg_dump, pg_restore, psql) against Zhiben's database.
# Uses the one on PATH when it is version 17 or newer; otherwise (e.g. Debian 12, whose client is 15 and cannot dump a
# 17 server) it fetches Debian 13's postgresql-client-17 and the libraries it needs into .tools/pg17, once, and runs it
# with that release's own loader. Usage: scripts/pg-client.sh pg_dump -h localhost -p 15432 -U postgres -Fc -f x.dump zhiben
set -euo pipefail
tool="${1:?usage: scripts/pg-client.sh pg_dump|pg_restore|psql [args...]}"; shift
case "$tool" in pg_dump|pg_restore|psql|pg_dumpall) ;; *) echo "unsupported tool: $tool" >&2; exit 2;; esac

if command -v "$tool" >/dev/null 2>&1; then
  major=$("$tool" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/' | head -1)
  if [ "${major:-0}" -ge 17 ] 2>/dev/null; then exec "$tool" "$@"; fi
fi

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$here/.tools/pg17"
bin="$root/usr/lib/postgresql/17/bin"
if [ ! -x "$bin/$tool" ]; then
  [ "$(uname -m)" = x86_64 ] || { echo "no PostgreSQL 17 client found; install one (postgresql-client-17)" >&2; exit 1; }
  echo "fetching PostgreSQL 17 client (Debian 13 packages) into $root ..." >&2
  mkdir -p "$root/debs"
  mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
  curl -fsSL "$mirror/dists/trixie/main/binary-amd64/Packages.xz" | xz -dc > "$root/debs/Packages"
  for p in postgresql-client-17 libpq5 libc6 libldap2 libsasl2-2 libssl3t64 libgssapi-krb5-2 libkrb5-3 libk5crypto3 \
           libkrb5support0 libcom-err2 libkeyutils1 libzstd1 liblz4-1 zlib1g libgnutls30t64 libnettle8t64 libhogweed6t64 \
           libgmp10 libp11-kit0 libidn2-0 libunistring5 libtasn1-6 libffi8 libreadline8t64 libtinfo6 libselinux1 libpcre2-8-0; do
    f=$(awk -v p="$p" '$1=="Package:"{pk=$2} pk==p && $1=="Filename:"{print $2; exit}' "$root/debs/Packages")
    [ -n "$f" ] || { echo "package $p not found in the mirror" >&2; exit 1; }
    curl -fsSL -o "$root/debs/$(basename "$f")" "$mirror/$f"
    dpkg-deb -x "$root/debs/$(basename "$f")" "$root"
  done
fi
libs="$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu"
exec "$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "$libs" "$bin/$tool" "$@"
