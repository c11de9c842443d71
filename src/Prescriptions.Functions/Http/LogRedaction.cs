using Microsoft.AspNetCore.Http;

namespace Prescriptions.Functions.Http;

/// <summary>
/// What of a request may go into a log. A patient's check-in link carries a signed token (valid for weeks: it opens
/// the programme, records check-ins and opts out), so the path is logged with that segment replaced; anything else
/// shaped like a token (long, with a '.') is replaced too. Query strings and headers are never logged.
/// </summary>
public static class LogRedaction
{
    public const string Redacted = "{redacted}";

    public static string Path(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var afterCheckIn = i > 0 && string.Equals(segments[i - 1], "checkin", StringComparison.OrdinalIgnoreCase);
            if (afterCheckIn || LooksLikeToken(segments[i]))
            {
                segments[i] = Redacted;
            }
        }

        return string.Join('/', segments);
    }

    private static bool LooksLikeToken(string segment) =>
        segment.Length >= 32 && (segment.Contains('.', StringComparison.Ordinal) || segment.Contains("%2E", StringComparison.OrdinalIgnoreCase));
}
