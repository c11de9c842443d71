using System.Net.Http.Json;
using System.Text.Json;

namespace Prescriptions.Portal.Api;

/// <summary>Turns an API answer that is not a success into an <see cref="ApiProblemException"/> carrying its problem document.</summary>
public static class ApiAnswers
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        ApiProblem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json, cancellationToken);
            }
            catch (JsonException)
            {
                // Not a problem document after all: fall back to the status line below.
            }
        }

        throw new ApiProblemException(problem ?? new ApiProblem(
            Type: null,
            Title: response.ReasonPhrase ?? $"The API answered {(int)response.StatusCode}.",
            Status: (int)response.StatusCode,
            Detail: null,
            Errors: null));
    }
}
