#!/usr/bin/env bash
# Calls one path of an IAM-protected API with the aws-sigv4-interceptor CLI: signed with the AWS
# default credential chain (environment, AWS_PROFILE, SSO, ...), the body on stdout, the status
# line on stderr, and the CLI's exit code: 0 below 400, 1 from 400 or no answer, 2 for a usage or
# signing error. Options after the path go to the CLI as they are.
#
#   API_URL=https://abc123.execute-api.eu-west-1.amazonaws.com/prod ./call-api.sh /items
#   API_URL=... ./call-api.sh /orders -H 'content-type: application/json' -d @order.json
#   API_URL=... ./call-api.sh /items -v        # what was signed and, on a 403, why it failed
#
# Environment:
#   API_URL                          the stage URL, without a trailing slash (required)
#   SIGNING_REGION, SIGNING_SERVICE  only when the host does not tell them (custom domain, proxy)
#   SIGNING_ORIGIN                   the origin behind CloudFront or a proxy that rewrites Host
#   SIGV4_CLI                        the command to run, split at spaces
#                                    (default: npx aws-sigv4-interceptor)
set -euo pipefail

usage() { echo "$0: $1" >&2; exit 2; }
[[ -n ${API_URL:-} ]] || usage 'set API_URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod'
[[ $# -ge 1 && $1 == /* ]] || usage 'usage: API_URL=... call-api.sh /path [aws-sigv4-interceptor options...]'
path=$1
shift

read -r -a cli <<<"${SIGV4_CLI:-npx aws-sigv4-interceptor}"
scope=()
if [[ -n ${SIGNING_REGION:-} ]]; then scope+=(--region "$SIGNING_REGION"); fi
if [[ -n ${SIGNING_SERVICE:-} ]]; then scope+=(--service "$SIGNING_SERVICE"); fi
if [[ -n ${SIGNING_ORIGIN:-} ]]; then scope+=(--signing-origin "$SIGNING_ORIGIN"); fi

# ${scope[@]+...}: an empty array under `set -u` on bash 3.2 (macOS) too.
exec "${cli[@]}" ${scope[@]+"${scope[@]}"} "$@" "${API_URL%/}$path"
