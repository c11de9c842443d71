using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Prescriptions.Browser.Tests;

/// <summary>What a test sets up through the API rather than the browser: a development token and authorised requests that must succeed.</summary>
public static class DevApi
{
    /// <summary>A development token from the local host for a therapist of <paramref name="clinicId"/>.</summary>
    public static async Task<string> TokenAsync(Uri baseAddress, string clinicId = "clinic-a", string subject = "therapist-1")
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var issued = await http.PostAsJsonAsync("/dev/token", new { role = "Therapist", clinicId, subject });
        issued.EnsureSuccessStatusCode();
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>POSTs <paramref name="body"/> with the token (and If-Match when given); asserts success; answers the body and its ETag.</summary>
    public static async Task<(JsonElement Body, EntityTagHeaderValue? ETag)> PostAsync(Uri baseAddress, string token, string path, object? body, EntityTagHeaderValue? ifMatch = null)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode}: {text}");
        return (text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers.ETag);
    }

    /// <summary>
    /// The program the tests set up through the API: a left lateral ankle sprain in phase 2, partial weight bearing, band
    /// and chair; a schedule and a follow-up when given.
    /// </summary>
    public static Dictionary<string, object> AnkleSprainProgram(string patientId, int maxExercises = 4, int? weeks = null, object? followUp = null)
    {
        var program = new Dictionary<string, object>
        {
            ["patientId"] = patientId,
            ["conditionId"] = "lateral-ankle-sprain",
            ["phase"] = 2,
            ["side"] = "left",
            ["constraints"] = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises },
        };
        if (weeks is { } count)
        {
            program["weeks"] = count;
        }

        if (followUp is not null)
        {
            program["followUp"] = followUp;
        }

        return program;
    }

    /// <summary>Creates a prescription and activates it; answers its id.</summary>
    public static async Task<string> CreateActiveAsync(Uri baseAddress, object prescription)
    {
        var token = await TokenAsync(baseAddress);
        var (created, etag) = await PostAsync(baseAddress, token, "/api/prescriptions", prescription);
        var id = created.GetProperty("id").GetString()!;
        await PostAsync(baseAddress, token, $"/api/prescriptions/{id}/activate", body: null, etag);
        return id;
    }
}
