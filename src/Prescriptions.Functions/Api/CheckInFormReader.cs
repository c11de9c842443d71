using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>The check-in as the HTML form posts it (application/x-www-form-urlencoded), within tight limits.</summary>
public static class CheckInFormReader
{
    public const int MaxBytes = 16 * 1024;

    public static async Task<CheckInBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { BufferBodyLengthLimit = MaxBytes, ValueCountLimit = 20, KeyLengthLimit = 64, ValueLengthLimit = 4096 }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw new ApiProblemException(Problems.PayloadTooLarge(MaxBytes));
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
