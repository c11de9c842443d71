namespace Prescriptions.Functions.Tests;

/// <summary>Request bodies the tests send, shaped like a portal's or a partner's.</summary>
internal static class Requests
{
    public static object Create(string patientId = "p-123", string conditionId = "lateral-ankle-sprain", int phase = 2, object? extra = null) => new
    {
        patientId,
        conditionId,
        phase,
        side = "left",
        constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 6 },
    };
}
