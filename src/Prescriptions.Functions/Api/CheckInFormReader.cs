using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>
/// The check-in as the HTML form posts it (application/x-www-form-urlencoded, UTF-8), within tight limits. Any other
/// form type or charset (multipart, charset=utf-7) is 415 and a body that ends early is 400, before anything is stored.
/// </summary>
public static class CheckInFormReader
{
    public const int MaxBytes = 16 * 1024;
    private const string UrlEncoded = "application/x-www-form-urlencoded";

    private static bool IsUtf8UrlEncoded(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, UrlEncoded, StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    public static async Task<CheckInBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsUtf8UrlEncoded(request.ContentType))
        {
            throw new ApiProblemException(Problems.UnsupportedMediaType(request.ContentType, $"{UrlEncoded} (UTF-8) or application/json"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { BufferBodyLengthLimit = MaxBytes, ValueCountLimit = 20, KeyLengthLimit = 64, ValueLengthLimit = 4096 }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw new ApiProblemException(Problems.PayloadTooLarge(MaxBytes));
        }
        catch (IOException)
        {
            // The body ended before its declared length (a dropped or truncated upload).
            throw new ApiProblemException(Problems.Validation("body", "ended before the form was complete"));
        }

        static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        string? Value(string name) => form.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;
        return new CheckInBody
        {
            Date = Value("date"),
            CompletedSessions = Number(Value("completedSessions")),
            PainNow = Number(Value("painNow")),
            PainDuringExercise = Number(Value("painDuringExercise")),
            Difficulty = Value("difficulty"),
            Comment = Value("comment"),
        };
    }
}
