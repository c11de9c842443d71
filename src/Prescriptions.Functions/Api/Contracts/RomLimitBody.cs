using Prescriptions.Domain.Library;

namespace Prescriptions.Functions.Api.Contracts;

public sealed record RomLimitBody(Joint? Joint = null, Motion? Motion = null, int? MaxDegrees = null, MotionMode? AppliesFrom = null);
