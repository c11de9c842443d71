using Prescriptions.Domain.Library;

namespace Prescriptions.Functions.Api.Contracts;

public sealed record ItemBody
{
    public string? ExerciseId { get; init; }
    public Dose? Dose { get; init; }
    public string? Notes { get; init; }
}
