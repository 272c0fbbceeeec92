#!/usr/bin/env bash
# Redact a session transcript on its way to an LLM, and keep an audit record.
#
#   examples/pipeline.sh                      # prints what would be sent (the "LLM" is cat)
#   LLM_CMD='llm "Draft a progress note from this session."' examples/pipeline.sh
#   examples/pipeline.sh my_session.txt
#
# With pipefail, a redact error (exit 2 or 3) fails the whole pipeline; redact writes
# text only once it is redacted, so the LLM never receives an unredacted line.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
transcript="${1:-$here/session_transcript.txt}"
report="${REPORT:-$(mktemp "${TMPDIR:-/tmp}/phimin-audit.XXXXXX")}"
llm="${LLM_CMD:-cat}"

redact --quiet --report "$report" <"$transcript" | sh -c "$llm"
echo "audit record (findings, no text): $report" >&2
