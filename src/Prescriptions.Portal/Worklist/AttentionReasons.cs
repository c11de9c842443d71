using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Worklist;

/// <summary>Why a worklist line needs a therapist: the API's attention reasons, then any other open alert (an email not delivered), each once.</summary>
public static class AttentionReasons
{
    public static IReadOnlyList<string> Of(WorklistLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return [.. line.AttentionReasons.Concat(line.OpenAlertKinds).Distinct(StringComparer.Ordinal)];
    }
}
