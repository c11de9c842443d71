namespace Prescriptions.Functions.Api.Contracts;

/// <summary>The body of POST /api/prescriptions/preview/alternatives: the preview's request and the item to replace (its exercise id or its slot, one of them).</summary>
public sealed record AlternativesBody : AssembleBody
{
    public string? ExerciseId { get; init; }

    /// <summary>The slot (1-based) of the phase, for a slot the preview left empty or to ask by slot.</summary>
    public int? Slot { get; init; }
}
