namespace Prescriptions.Domain.Library;

/// <summary>
/// A range of motion an exercise needs at a joint, and how the joint is moved there, so that ROM caps
/// (which may apply to active motion only) can be checked against it.
/// </summary>
public sealed record JointMotion(Joint Joint, Motion Motion, int Degrees, MotionMode Mode = MotionMode.Active);
