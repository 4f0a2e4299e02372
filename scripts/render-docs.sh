#!/bin/sh
# Regenerate the diagrams that docs/render.md shows. `make docs` runs this with the venv's argmap:
#   sh scripts/render-docs.sh .venv/bin/argmap
# Usage: sh scripts/render-docs.sh [ARGMAP]    (ARGMAP defaults to `argmap` on PATH)
set -eu

argmap=${1:-argmap}
case $argmap in
    */*) argmap="$(cd "$(dirname "$argmap")" && pwd)/$(basename "$argmap")" ;;
esac
cd "$(dirname "$0")/.."

maps=arguments/indonesia-korea
images=docs/images
mkdir -p "$images"

"$argmap" render docs/examples/tram.yaml -o "$images/tram.svg"
"$argmap" render "$maps/paper.yaml" -o "$images/paper.svg"
"$argmap" render "$maps/review.yaml" -o "$images/review.svg"
"$argmap" render "$maps/review.yaml" -o "$images/review-layers.svg" --cluster file --no-legend
"$argmap" render "$maps/review.yaml" -o "$images/review-focus.svg" \
    --focus uniquely-qualified --depth 1
"$argmap" render "$maps/review.yaml" -o "$images/review-status.svg" \
    --focus uniquely-qualified --depth 1 --status grounded
echo "diagrams written to $images/"
