using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Worklist;

/// <summary>A worklist line as shown: the line, whether it needs attention, and its open alerts (their ids to acknowledge).</summary>
public sealed record WorklistRow(WorklistLine Line, bool NeedsAttention, IReadOnlyList<OpenAlert> OpenAlerts);
