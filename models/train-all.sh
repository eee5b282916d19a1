#!/usr/bin/env bash
# Reproduces the committed default models (run from the repository root after 'mvn -q -B package -DskipTests').
# Public data sets are read from ../shared/data (never copied into the repository); the intent
# corpus is the team's own, in data/intent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DATA="${VOLUNTREE_SHARED_DATA:-../shared/data}"
INTENT="${VOLUNTREE_INTENT_DATA:-data/intent}"
OFFENSE="${VOLUNTREE_OFFENSE_DATA:-data/offense}"
tools=model-tools/model-tools

$tools train --analyzer intent --data "$INTENT/train.tsv" --test "$INTENT/test.tsv" --out models/intent
$tools train --analyzer sentiment \
  --data "$DATA/sentiment/yelp_labelled.txt" "$DATA/sentiment/amazon_cells_labelled.txt" \
  --lexicon "$DATA/sentiment/lexicon" --lexicon-use features \
  --test "$DATA/sentiment/imdb_labelled.txt" --out models/sentiment
# offense also learns the team's own comments (training files only, never test.tsv): the intent
# corpus as 'neither', and the offense corpus (insults without slurs, civil complaints) with its labels
$tools train --analyzer offense --data "$DATA/offense/labeled_data.csv" --extra-neither "$INTENT/train.tsv" \
  --team-corpus "$OFFENSE/train.tsv" --team-corpus-repeat 4 --out models/offense
