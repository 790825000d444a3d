#!/bin/sh
# One-shot `temporal-namespace` service (temporalio/admin-tools): waits until the Temporal frontend
# serves, then registers the application's namespace, or sets its retention when it already exists.
set -eu

ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-720h}"

i=0
until temporal operator cluster health --address "$ADDRESS" 2>/dev/null | grep -q SERVING; do
  i=$((i + 1))
  if [ "$i" -ge 150 ]; then echo "temporal-namespace: $ADDRESS not serving after 300 s" >&2; exit 1; fi
  sleep 2
done

i=0
while :; do
  if temporal operator namespace describe --address "$ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; then
    temporal operator namespace update --address "$ADDRESS" --namespace "$NAMESPACE" --retention "$RETENTION"
    echo "temporal-namespace: namespace $NAMESPACE exists (retention $RETENTION)"
    exit 0
  fi
  if temporal operator namespace create --address "$ADDRESS" --namespace "$NAMESPACE" --retention "$RETENTION" \
       --description "好差评差评整改 (haochaping)"; then
    echo "temporal-namespace: namespace $NAMESPACE created (retention $RETENTION)"
    exit 0
  fi
  i=$((i + 1))
  if [ "$i" -ge 30 ]; then echo "temporal-namespace: could not register $NAMESPACE" >&2; exit 1; fi
  sleep 2
done
