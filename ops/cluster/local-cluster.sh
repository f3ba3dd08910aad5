#!/usr/bin/env bash
# Starts (or stops) a three-node cluster on 127.0.0.1 for trying it out:
#   ops/cluster/local-cluster.sh start     nodes on http://127.0.0.1:8081, :8082, :8083
#   ops/cluster/local-cluster.sh stop
# Data and logs go to ./data/cluster/node-N. Build the jar first: mvn -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=ops/target/queue-node.jar
DIR=data/cluster
MEMBERS=127.0.0.1:5801,127.0.0.1:5802,127.0.0.1:5803

case "${1:-start}" in
  start)
    [ -f "$JAR" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
    for n in 1 2 3; do
      mkdir -p "$DIR/node-$n"
      nohup java -jar "$JAR" --cluster --members "$MEMBERS" --cluster-port "580$n" --port "808$n" \
        --data-dir "$DIR/node-$n" > "$DIR/node-$n/node.log" 2>&1 &
      echo $! > "$DIR/node-$n/pid"
    done
    for n in 1 2 3; do
      for _ in $(seq 1 120); do
        grep -q "Queue node ready" "$DIR/node-$n/node.log" 2>/dev/null && break
        sleep 0.5
      done
      echo "node $n: http://127.0.0.1:808$n/  (pid $(cat "$DIR/node-$n/pid"), log $DIR/node-$n/node.log)"
    done
    ;;
  stop)
    for n in 1 2 3; do
      [ -f "$DIR/node-$n/pid" ] && kill "$(cat "$DIR/node-$n/pid")" 2>/dev/null || true
      rm -f "$DIR/node-$n/pid"
    done
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
