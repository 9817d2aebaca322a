#!/usr/bin/env bash
# Rebuilds the analytics read models of a running platform from the hazards module (docs/analytics.md), as the system
# administrator: POST /api/v1/analytics/rebuild. Prints the number of hazards and the time taken.
#   ZHIBEN_URL (http://localhost:8080), ZHIBEN_USER (sysadmin), ZHIBEN_PASSWORD (asked if unset).
# Alternatively start the platform once with --zhiben.analytics.rebuild.
set -euo pipefail
URL=${ZHIBEN_URL:-http://localhost:8080}
USER_NAME=${ZHIBEN_USER:-sysadmin}
if [[ -z ${ZHIBEN_PASSWORD:-} ]]; then
  read -r -s -p "password of ${USER_NAME}: " ZHIBEN_PASSWORD
  echo
fi
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"${USER_NAME}\",\"password\":\"${ZHIBEN_PASSWORD}\"}" "${URL}/api/v1/auth/token" \
  | sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p')
[[ -n $TOKEN ]] || { echo "login failed" >&2; exit 1; }
curl -fsS -X POST -H "Authorization: Bearer ${TOKEN}" "${URL}/api/v1/analytics/rebuild"
echo
