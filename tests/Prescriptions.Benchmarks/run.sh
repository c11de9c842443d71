#!/usr/bin/env bash
# Runs the assembly benchmarks in Release and prints BenchmarkDotNet's table (median, allocations).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Prescriptions.Benchmarks -- --filter '*' "$@"
