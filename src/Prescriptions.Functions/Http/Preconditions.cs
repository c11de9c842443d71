namespace Prescriptions.Functions.Http;

/// <summary>Optimistic concurrency over HTTP: every change names the version it read with If-Match.</summary>
public static class Preconditions
{
    /// <summary>The If-Match value; 428 when the request has none.</summary>
    public static string RequireIfMatch(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Http.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(value)
            ? throw new ApiProblemException(Problems.PreconditionRequired())
            : value.Trim();
    }
}
