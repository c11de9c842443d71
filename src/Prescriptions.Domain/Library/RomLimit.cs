namespace Prescriptions.Domain.Library;

/// <summary>A cap on a joint's range: no exercise may need more than <see cref="MaxDegrees"/> in this motion.</summary>
public sealed record RomLimit(Joint Joint, Motion Motion, int MaxDegrees);
