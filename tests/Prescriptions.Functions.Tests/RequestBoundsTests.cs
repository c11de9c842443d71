using System.Net;
using System.Text.Json.Nodes;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Api.Contracts;
using Prescriptions.Functions.OpenApi;

namespace Prescriptions.Functions.Tests;

/// <summary>Every request array is bounded, documented and enforced (free text too, where documented); a validation answer lists at most 50 reasons.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestBoundsTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private static JsonObject Schemas => OpenApiDocument.Current.Root["components"]!["schemas"]!.AsObject();

    private string Therapist => Api.Token(Roles.Therapist, "clinic-a", "therapist-bounds");

    [Fact]
    public void Every_array_of_every_request_body_documents_its_maximum_length()
    {
        var unbounded = new List<string>();
        var walked = 0;
        foreach (var (path, operations) in OpenApiDocument.Current.Root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                foreach (var (_, content) in operation?["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    Walk(content!["schema"], $"{method.ToUpperInvariant()} {path}", [], unbounded, ref walked);
                }
            }
        }

        Assert.True(walked > 10, $"Only {walked} arrays were walked.");
        Assert.True(unbounded.Count == 0, "Request arrays without maxItems: " + string.Join(", ", unbounded.Distinct()));
    }

    [Fact]
    public async Task Too_many_items_is_400_naming_items_in_clinical_words_and_nothing_is_stored()
    {
        var items = Enumerable.Range(0, 41).Select(_ => new { exerciseId = "ankle-pumps" }).ToArray();

        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new { patientId = "p-bounds", conditionId = "lateral-ankle-sprain", phase = 1, items });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["may hold at most 40 exercises"], problem.ErrorsFor("items"));
        var list = await (await Api.SendAsync(HttpMethod.Get, "/api/patients/p-bounds/prescriptions", Therapist)).JsonAsync();
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Nested_arrays_are_bounded_too_and_each_is_named()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", Therapist, new
        {
            patientId = "p-bounds",
            conditionId = "lateral-ankle-sprain",
            phase = 1,
            constraints = new { romLimits = Enumerable.Range(0, 21).Select(_ => new { joint = "knee", motion = "flexion", maxDegrees = 90 }).ToArray() },
            otherConditions = Enumerable.Range(0, 6).Select(_ => new { conditionId = "lateral-ankle-sprain", phase = 1 }).ToArray(),
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["may hold at most 20 ROM limits"], problem.ErrorsFor("constraints.romLimits"));
        Assert.Equal(["may hold at most 5 other conditions"], problem.ErrorsFor("otherConditions"));
    }

    [Fact]
    public async Task An_advance_reason_beyond_its_documented_length_is_400_naming_reason()
    {
        var created = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, Requests.Create("p-bounds-reason"));
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var maxLength = Schemas["AdvanceRequest"]!["properties"]!["reason"]!["maxLength"]!.GetValue<int>();
        using var request = ApiHost.Request(HttpMethod.Post, $"/api/prescriptions/{id}/advance", Therapist, new { @override = true, reason = new string('x', maxLength + 1) });
        request.Headers.IfMatch.Add(created.Headers.ETag!);

        var problem = await (await Api.Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(PrescriptionRequestValidator.MaxReasonLength, maxLength);
        Assert.Equal([$"must be at most {maxLength} characters without control characters"], problem.ErrorsFor("reason"));
    }

    [Fact]
    public async Task A_validation_answer_lists_at_most_50_reasons_and_counts_them_all()
    {
        var unknown = Enumerable.Range(0, 70).Select(i => $"no-such-exercise-{i}").ToArray();

        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", Therapist, new
        {
            patientId = "p-bounds",
            conditionId = "lateral-ankle-sprain",
            phase = 1,
            constraints = new { excludeExerciseIds = unknown },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(50, problem.GetProperty("errors").EnumerateObject().Sum(e => e.Value.GetArrayLength()));
        Assert.Equal(70, problem.GetProperty("errorCount").GetInt32());
        Assert.NotEmpty(problem.ErrorsFor("constraints.excludeExerciseIds[0]"));
    }

    [Fact]
    public async Task A_small_validation_answer_lists_every_reason_and_its_count()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions/preview", Therapist, new { patientId = "p-bounds", phase = 1 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(problem.GetProperty("errors").EnumerateObject().Sum(e => e.Value.GetArrayLength()), problem.GetProperty("errorCount").GetInt32());
    }

    private static void Walk(JsonNode? schema, string path, HashSet<string> seen, List<string> unbounded, ref int walked)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            if (seen.Add(name))
            {
                Walk(Schemas[name], $"{path}->{name}", seen, unbounded, ref walked);
                seen.Remove(name);
            }

            return;
        }

        if (schema is not JsonObject node)
        {
            return;
        }

        if (node["type"]?.ToJsonString() is { } type && type.Contains("array", StringComparison.Ordinal))
        {
            walked++;
            if (node["maxItems"] is null)
            {
                unbounded.Add(path);
            }

            Walk(node["items"], $"{path}[]", seen, unbounded, ref walked);
        }

        foreach (var (name, property) in node["properties"]?.AsObject() ?? [])
        {
            Walk(property, $"{path}.{name}", seen, unbounded, ref walked);
        }

        foreach (var key in new[] { "allOf", "oneOf", "anyOf" })
        {
            foreach (var part in node[key]?.AsArray() ?? [])
            {
                Walk(part, path, seen, unbounded, ref walked);
            }
        }

        Walk(node["additionalProperties"] as JsonObject, $"{path}{{}}", seen, unbounded, ref walked);
    }
}
