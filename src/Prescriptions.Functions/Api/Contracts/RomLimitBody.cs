using Prescriptions.Domain.Library;

namespace Prescriptions.Functions.Api.Contracts;

public sealed record RomLimitBody(Joint? Joint, Motion? Motion, int? MaxDegrees);
