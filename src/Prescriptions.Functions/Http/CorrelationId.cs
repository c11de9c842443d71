using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Prescriptions.Functions.Http;

/// <summary>The id that ties a response to its logs: the caller's <c>x-correlation-id</c> when it is sane, otherwise a new one.</summary>
public static partial class CorrelationId
{
    public const string HeaderName = "x-correlation-id";

    public static string From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Headers[HeaderName].ToString();
        return SafeId().IsMatch(given) ? given : Guid.NewGuid().ToString("N");
    }

    // Echoed ids land in headers and logs: keep them short and free of anything that could forge a line.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex SafeId();
}
