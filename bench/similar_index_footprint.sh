#!/usr/bin/env bash
# The heap the similar-diamonds index holds per million rows: builds the index on a CSV's rows in a
# fresh JVM (the server's own classes) and prints the rows' and the index's heap, measured as the
# used heap after full GCs with and without each. Needs `./mvnw -DskipTests install` done.
#
# Usage: bench/similar_index_footprint.sh FILE.csv   (e.g. a GenerateDiamonds file of 1M rows)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
file=${1:?usage: bench/similar_index_footprint.sh FILE.csv}
ml=$(ls "$root"/pricing-ml/target/pricing-ml-*.jar | grep -v sources | head -1)
deps=$(cd "$root/pricing-ml" && "$root/mvnw" -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
exec java -XX:+UseSerialGC -Xmx4g -cp "$root/pricing-server/target/classes:$ml:$deps" \
  "$root/bench/footprint/SimilarIndexFootprint.java" "$file"
