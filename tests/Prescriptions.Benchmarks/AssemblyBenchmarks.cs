using BenchmarkDotNet.Attributes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Testing;

namespace Prescriptions.Benchmarks;

/// <summary>
/// Assembly of one program on the shipped library and on one ten times larger. The index is built once per
/// library version (outside the measurement), as the app does when it loads a version.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AssemblyBenchmarks
{
    private ExerciseLibrary shipped = null!;
    private ExerciseLibrary tenfold = null!;
    private AssemblyRequest[] requests = [];

    [Params("typical", "constrained")]
    public string Patient { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        var content = ShippedLibrary.Content;
        shipped = new ExerciseLibrary("shipped", DateTimeOffset.UnixEpoch, content);
        tenfold = new ExerciseLibrary("tenfold", DateTimeOffset.UnixEpoch, TenfoldLibrary.From(content));
        var constraints = Patient == "typical"
            ? new PatientConstraints { MaxExercises = 6, MaxMinutesPerSession = 30 }
            : new PatientConstraints
            {
                WeightBearing = WeightBearing.Partial,
                Equipment = [Equipment.Chair, Equipment.Band],
                MaxExercises = 4,
                MaxMinutesPerSession = 15,
                Precautions = [PrecautionTags.FallRisk],
                RomLimits = [new RomLimit(Joint.Knee, Motion.Flexion, 60)],
            };

        // One request per condition and phase, cycled, so the figure is an average over the protocols.
        requests = [.. content.Conditions.SelectMany(c => c.Phases.Select(p => new AssemblyRequest(c.Id, p.Number, Side.Left, constraints)))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 64)]
    public int Shipped() => Run(shipped);

    [Benchmark(OperationsPerInvoke = 64)]
    public int Tenfold() => Run(tenfold);

    private int Run(ExerciseLibrary library)
    {
        var items = 0;
        for (var i = 0; i < 64; i++)
        {
            items += ProgramAssembler.Assemble(library, requests[i % requests.Length]).Program!.Items.Count;
        }

        return items;
    }
}
