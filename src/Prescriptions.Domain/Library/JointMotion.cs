namespace Prescriptions.Domain.Library;

/// <summary>A range of motion an exercise needs at a joint, so that ROM caps can be checked against it.</summary>
public sealed record JointMotion(Joint Joint, Motion Motion, int Degrees);
