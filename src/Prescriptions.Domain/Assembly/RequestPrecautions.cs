using Prescriptions.Domain.Library;

namespace Prescriptions.Domain.Assembly;

/// <summary>The precautions one request must keep, the gates among them that still hold, and any problem with the request's other conditions.</summary>
public sealed record RequestPrecautions(Precautions Precautions, IReadOnlyList<PrecautionGate> HeldGates, IReadOnlyList<RequestProblem> Problems);
