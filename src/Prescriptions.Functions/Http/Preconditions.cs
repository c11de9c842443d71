using Prescriptions.Domain.Prescriptions;

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

    /// <summary>412 unless the request's If-Match is the stored version's ETag (or <c>*</c>).</summary>
    public static void EnsureCurrent<T>(string ifMatch, Versioned<T> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (ifMatch != "*" && !string.Equals(ifMatch, stored.ETag, StringComparison.Ordinal))
        {
            throw new ApiProblemException(Problems.PreconditionFailed());
        }
    }
}
