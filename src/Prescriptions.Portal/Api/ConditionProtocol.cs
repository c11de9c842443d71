namespace Prescriptions.Portal.Api;

/// <summary>A condition with its phases in full (openapi.json's Condition, the members the builder shows).</summary>
public sealed record ConditionProtocol(string Id, string Name, string Summary, IReadOnlyList<ProtocolPhase> Phases);
