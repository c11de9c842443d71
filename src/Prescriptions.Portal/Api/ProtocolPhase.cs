namespace Prescriptions.Portal.Api;

/// <summary>One phase of a condition (openapi.json's Phase): its goals and entry criteria, shown when it is chosen.</summary>
public sealed record ProtocolPhase(int Number, string Name, IReadOnlyList<string> Goals, int MinDays, IReadOnlyList<PhaseCriterion>? EntryCriteria);
