namespace Prescriptions.Domain.Library;

/// <summary>An injury, surgery or disease the library has a protocol for, with its phases in order.</summary>
public sealed record Condition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Icd10Codes { get; init; }
    public string? SnomedCode { get; init; }
    public required string Guideline { get; init; }
    public required IReadOnlyList<BodyRegion> BodyRegions { get; init; }
    public required IReadOnlyList<Phase> Phases { get; init; }

    public Phase? FindPhase(int number) => Phases.FirstOrDefault(p => p.Number == number);
}
