#!/bin/sh
# Builds agora-libfuzzer: ChoiceKit, CatalogGenerator and AgoraFuzz compiled with libFuzzer's
# coverage instrumentation, linked with Harness.swift and libFuzzer's own main.
#   Fuzz/libfuzzer/build.sh
#   SWIFT_BACKTRACE=enable=no .build/libfuzzer/agora-libfuzzer -max_total_time=600 .build/libfuzzer/corpus .build/libfuzzer/seeds
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch="$root/.build/libfuzzer"
cd "$root"
swift build -c release --scratch-path "$scratch" --target AgoraFuzz -Xswiftc -sanitize=fuzzer
release="$scratch/release"
objects=$(find "$release/ChoiceKit.build" "$release/CatalogGenerator.build" "$release/AgoraFuzz.build" -name '*.o')
swiftc -O -sanitize=fuzzer -parse-as-library -I "$release/Modules" "$root/Fuzz/libfuzzer/Harness.swift" $objects \
    -o "$scratch/agora-libfuzzer"
# Starting inputs: each file of a sound catalog and its snapshot.
swift run -c release agora-fuzz --libfuzzer-seeds "$scratch/seeds"
mkdir -p "$scratch/corpus"
echo "built $scratch/agora-libfuzzer"
