namespace Prescriptions.Portal.Api;

/// <summary>The safe swaps for one slot, best first (openapi.json's ItemAlternatives); <see cref="Message"/> says why none.</summary>
public sealed record SwapOptions(int Slot, string? ReplacingExerciseId, IReadOnlyList<SwapOption> Alternatives, string? Message);
