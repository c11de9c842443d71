namespace Prescriptions.Functions.Http;

/// <summary>
/// Optimistic concurrency over HTTP: every change names the version it read with If-Match. The conditions are
/// evaluated before the request's content is read (RFC 9110 13.2.1): missing is 428, stale is 412, whatever the body.
/// </summary>
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

    /// <summary>412 unless <paramref name="ifMatch"/> accepts the stored version (strong comparison, or <c>*</c>).</summary>
    public static void EnsureMatches(string ifMatch, string storedVersion)
    {
        if (!EntityTags.IfMatchAccepts(ifMatch, storedVersion))
        {
            throw new ApiProblemException(Problems.PreconditionFailed());
        }
    }
}
