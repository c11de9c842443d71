namespace Prescriptions.Portal.Worklist;

/// <summary>An alert kind in a therapist's words (openapi.json's AlertKind).</summary>
public static class AlertKindNames
{
    public static string Of(string kind) => kind switch
    {
        "highPain" => "High pain",
        "painRising" => "Pain rising",
        "noCheckIn" => "No check-in",
        "readyToProgress" => "Ready to progress",
        "deliveryFailed" => "Email not delivered",
        _ => kind,
    };
}
