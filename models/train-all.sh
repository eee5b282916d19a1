#!/usr/bin/env bash
# Reproduces the committed default models (run from the repository root after 'mvn -q -B package -DskipTests').
# 'model-tools retrain' prints and runs each analyzer's train command (its data: DefaultTraining).
# Public data sets are read from ../shared/data (VOLUNTREE_SHARED_DATA; never copied into the
# repository); the team's corpora are data/intent (VOLUNTREE_INTENT_DATA) and data/offense
# (VOLUNTREE_OFFENSE_DATA). Arguments are passed on, e.g. --analyzer offense.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec model-tools/model-tools retrain "$@"
