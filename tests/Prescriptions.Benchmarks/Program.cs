using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Prescriptions.Benchmarks.AssemblyBenchmarks).Assembly).Run(args);
