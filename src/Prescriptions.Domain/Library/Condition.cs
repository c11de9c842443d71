using System.Collections.ObjectModel;

namespace Prescriptions.Domain.Library;

/// <summary>An injury, surgery or disease the library has a protocol for, with its phases in order.</summary>
public sealed record Condition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }

    /// <summary>The name in other languages, keyed by language ("es"); read it with <see cref="NameIn"/>.</summary>
    public IReadOnlyDictionary<string, NameWording> Translations { get; init; } = ReadOnlyDictionary<string, NameWording>.Empty;
    public required IReadOnlyList<ConditionCode> Icd10Codes { get; init; }
    public string? SnomedCode { get; init; }
    public required string Guideline { get; init; }
    public required IReadOnlyList<BodyRegion> BodyRegions { get; init; }
    public required IReadOnlyList<Phase> Phases { get; init; }

    /// <summary>The condition this one is a surgical variant of (anterior-approach THA of THA), for grouping.</summary>
    public string? VariantOf { get; init; }

    /// <summary>Precautions that protect the person in every phase (fall risk, no impact after a stroke) until a measured criterion lifts them.</summary>
    public IReadOnlyList<PrecautionGate> Gates { get; init; } = [];

    /// <summary>The ICD-10 codes for a program on this side.</summary>
    public IReadOnlyList<string> CodesFor(Side? side) => [.. Icd10Codes.Where(code => code.AppliesTo(side)).Select(code => code.Code)];

    /// <summary>
    /// The name for a reader of <paramref name="language"/> (a BCP 47 tag, any case; "es-MX" reads the "es"
    /// translation), as <see cref="Exercise.WordingIn"/> picks an exercise's words: the translation of its primary
    /// language when there is one, otherwise the English.
    /// </summary>
    public string NameIn(string? language) => NameWording.In(Translations, language) ?? Name;

    public Phase? FindPhase(int number) => Phases.FirstOrDefault(p => p.Number == number);
}
