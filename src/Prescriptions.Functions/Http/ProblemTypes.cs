namespace Prescriptions.Functions.Http;

/// <summary>
/// Stable problem type URIs (relative to the API), so clients can branch on <c>type</c> rather than on
/// titles. Each names one kind of failure.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://prescriptions.example/problems/";

    public const string Validation = Base + "validation";
    public const string MalformedJson = Base + "malformed-json";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string Gone = Base + "gone";
    public const string PreconditionFailed = Base + "precondition-failed";
    public const string PreconditionRequired = Base + "precondition-required";
    public const string RuleViolation = Base + "rule-violation";
    public const string ServiceUnavailable = Base + "service-unavailable";
    public const string Internal = Base + "internal";
}
