using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Readiness;
using Prescriptions.Domain.Serialization;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Domain.Worklist;
using Prescriptions.Functions.OpenApi;
using Prescriptions.LocalHost.Discovery;

namespace Prescriptions.Functions.Tests;

/// <summary>The OpenAPI document stays true to the function app: same routes, resolvable references, domain enums, and it is served.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class OpenApiTests(ApiFixture fixture)
{
    /// <summary>host.json's extensions.http.routePrefix.</summary>
    private const string RoutePrefix = "api";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static JsonObject Document => OpenApiDocument.Current.Root;

    private ApiHost Api => fixture.Host;

    [Fact]
    public void The_document_has_exactly_the_routes_of_the_function_app()
    {
        var documented = DocumentedOperations().Keys.ToHashSet(StringComparer.Ordinal);
        var served = ServedOperations().Keys.ToHashSet(StringComparer.Ordinal);

        var undocumented = served.Except(documented).Order(StringComparer.Ordinal).ToList();
        var notServed = documented.Except(served).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0 && notServed.Count == 0,
            $"Routes without an operation in openapi.json: [{string.Join(", ", undocumented)}]; operations in openapi.json without a function: [{string.Join(", ", notServed)}]");
    }

    [Fact]
    public void Every_operationId_is_its_function_name()
    {
        var served = ServedOperations();
        var mismatched = DocumentedOperations()
            .Where(operation => served.TryGetValue(operation.Key, out var function) && function != operation.Value)
            .Select(operation => $"{operation.Key}: operationId {operation.Value}, function {served[operation.Key]}")
            .ToList();

        Assert.True(mismatched.Count == 0, string.Join(Environment.NewLine, mismatched));
    }

    [Fact]
    public void Every_reference_resolves()
    {
        var references = new List<string>();
        CollectReferences(Document, references);

        Assert.NotEmpty(references);
        var broken = references.Distinct(StringComparer.Ordinal).Where(reference => Resolve(reference) is null).ToList();
        Assert.True(broken.Count == 0, $"Unresolved $ref: {string.Join(", ", broken)}");
    }

    [Theory]
    [InlineData("ExerciseCategory", typeof(ExerciseCategory))]
    [InlineData("BodyRegion", typeof(BodyRegion))]
    [InlineData("Equipment", typeof(Equipment))]
    [InlineData("Position", typeof(Position))]
    [InlineData("WeightBearing", typeof(WeightBearing))]
    [InlineData("Delivery", typeof(Delivery))]
    [InlineData("Side", typeof(Side))]
    [InlineData("LoadKind", typeof(LoadKind))]
    [InlineData("Comparator", typeof(Comparator))]
    [InlineData("MediaKind", typeof(MediaKind))]
    [InlineData("Joint", typeof(Joint))]
    [InlineData("Motion", typeof(Motion))]
    [InlineData("MotionMode", typeof(MotionMode))]
    [InlineData("PrescriptionStatus", typeof(PrescriptionStatus))]
    [InlineData("ItemSource", typeof(ItemSource))]
    [InlineData("CriterionStatus", typeof(CriterionStatus))]
    [InlineData("CallerKind", typeof(CallerKind))]
    [InlineData("CheckInDifficulty", typeof(CheckInDifficulty))]
    [InlineData("AlertKind", typeof(AlertKind))]
    [InlineData("AlertStatus", typeof(AlertStatus))]
    [InlineData("WorklistReadiness", typeof(WorklistReadiness))]
    public void Enum_schemas_list_the_values_the_API_writes(string schema, Type enumType)
    {
        var written = Enum.GetValues(enumType).Cast<object>()
            .Select(value => JsonSerializer.Serialize(value, enumType, DomainJson.Options).Trim('"'));

        Assert.Equal(written, EnumValues(schema));
    }

    [Fact]
    public void The_precaution_tag_schema_is_the_tag_vocabulary() =>
        Assert.Equal(PrecautionTags.All.Order(StringComparer.Ordinal), EnumValues("PrecautionTag").Order(StringComparer.Ordinal));

    [Fact]
    public void The_webhook_event_types_are_the_events_partners_can_subscribe_to()
    {
        Assert.Equal(EventTypes.All, EnumValues("WebhookEventType"));
        Assert.Equal(EventTypes.All, Document["webhooks"]!.AsObject().Select(webhook => webhook.Key));
    }

    [Fact]
    public void The_follow_up_schemas_have_the_members_the_API_writes()
    {
        var day = new DateOnly(2026, 11, 24);
        var checkIn = new CheckIn(day, 2, 3, 7, CheckInDifficulty.TooHard, DateTimeOffset.UnixEpoch, "Hard on the last set.");
        var alert = Alert.Raise("rx-1", AlertKind.HighPain, "2026-11-24", DateTimeOffset.UnixEpoch, "Pain 3/10 now and 7/10 during exercise.");
        var week = new WeekAdherence(1, day, day, 2, 1, 100);
        var monitoring = new RemoteMonitoringDays(30, day.AddDays(-29), day, 1, false);
        var adherence = new AdherenceReport(3, [week], 2, 1, 100, monitoring);

        AssertDocumentedMembers("CheckIn", checkIn);
        AssertDocumentedMembers("Alert", alert.Acknowledge("therapist-1", "Called.", DateTimeOffset.UnixEpoch));
        AssertDocumentedMembers("WeekAdherence", week);
        AssertDocumentedMembers("RemoteMonitoringDays", monitoring);
        AssertDocumentedMembers("AdherenceReport", adherence);
        AssertDocumentedMembers("CheckInSummary", new CheckInSummary("rx-1", [checkIn], adherence, [alert]));
    }

    [Fact]
    public void The_worklist_schema_has_the_members_the_API_writes() =>
        AssertDocumentedMembers("WorklistItem", new WorklistItem("rx-1", "p-1", "EHR-1", "Ana", "lateral-ankle-sprain", "Lateral ankle sprain", 2, "Controlled motion",
            PrescriptionStatus.Active, DateTimeOffset.UnixEpoch, 3, 80, new DateOnly(2026, 11, 24), 4, [AlertKind.HighPain], WorklistReadiness.SomeUnknown, [AlertKind.HighPain]));

    [Fact]
    public async Task The_document_is_served_anonymously_and_is_OpenAPI_3()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("x-correlation-id"));
        Assert.Equal(OpenApiDocument.Current.ETag, response.Headers.ETag?.ToString());
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.StartsWith("3.", served["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(Document, served));
        Assert.NotEmpty(served["paths"]!.AsObject());
    }

    [Fact]
    public async Task The_document_answers_304_to_its_own_ETag()
    {
        using var request = ApiHost.Request(HttpMethod.Get, "/api/openapi.json");
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(OpenApiDocument.Current.ETag));

        using var response = await Api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_docs_page_is_Redocly_built_from_this_document_with_nothing_loaded_from_elsewhere()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/api/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title>Prescriptions API reference</title>", html, StringComparison.Ordinal);
        foreach (var (_, _, operationId) in Operations("paths").Concat(Operations("webhooks")))
        {
            Assert.Contains($"\"operationId\":\"{operationId}\"", html, StringComparison.Ordinal);
        }

        // No external assets: every script is inline (Redoc bundled, no CDN), no stylesheet, font or image from elsewhere.
        Assert.DoesNotMatch(ExternalAsset(), html);
        Assert.DoesNotMatch(ScriptWithSource(), html);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; script-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    /// <summary>"GET /api/prescriptions/{}" -> operationId, from the document's paths (webhooks are not routes).</summary>
    private static Dictionary<string, string> DocumentedOperations() =>
        Operations("paths").ToDictionary(o => $"{o.Method.ToUpperInvariant()} {Normalise(o.Path)}", o => o.OperationId, StringComparer.Ordinal);

    /// <summary>The operations of the document's "paths" or "webhooks" section, as written.</summary>
    private static IEnumerable<(string Method, string Path, string OperationId)> Operations(string section) =>
        from path in Document[section]!.AsObject()
        from method in Methods
        where path.Value![method] is not null
        select (method, path.Key, path.Value![method]!["operationId"]?.GetValue<string>() ?? "(no operationId)");

    /// <summary>"GET /api/prescriptions/{}" -> function name, from the [Function]s of the app as the hosts discover them.</summary>
    private static Dictionary<string, string> ServedOperations()
    {
        var operations = new Dictionary<string, string>(StringComparer.Ordinal);
        // The catch-all is no route of its own: it is the 404 and 405 every operation documents.
        foreach (var function in FunctionCatalog.ForFunctionApp().HttpFunctions.Where(f => f.Name != Prescriptions.Functions.Api.CatchAllFunction.Name))
        {
            Assert.True(function.Methods is not null, $"{function.Name} accepts every method; name them so the document can describe them.");
            foreach (var method in function.Methods)
            {
                operations.Add($"{method.ToUpperInvariant()} {Normalise($"/{RoutePrefix}/{function.Route}")}", function.Name);
            }
        }

        return operations;
    }

    /// <summary>Parameter names (and route constraints) may differ between a route and its path: compare the shapes.</summary>
    private static string Normalise(string path) => RouteParameter().Replace(path.TrimEnd('/'), "{}");

    /// <summary>The members the API writes for a value with every optional member set are the schema's properties.</summary>
    private static void AssertDocumentedMembers(string schema, object value)
    {
        var written = JsonSerializer.SerializeToNode(value, value.GetType(), DomainJson.Options)!.AsObject().Select(member => member.Key);
        var documented = Document["components"]!["schemas"]![schema]!["properties"]!.AsObject().Select(property => property.Key);
        Assert.Equal(documented.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> EnumValues(string schema) =>
        Document["components"]!["schemas"]![schema]!["enum"]!.AsArray().Select(value => value!.GetValue<string>());

    private static void CollectReferences(JsonNode? node, List<string> references)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (name, value) in item)
                {
                    if (name == "$ref")
                    {
                        references.Add(value!.GetValue<string>());
                    }
                    else
                    {
                        CollectReferences(value, references);
                    }
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    CollectReferences(value, references);
                }

                break;
        }
    }

    /// <summary>A local JSON pointer into the document; anything else (another file, a URL) counts as unresolved.</summary>
    private static JsonNode? Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? target = Document;
        foreach (var segment in reference[2..].Split('/'))
        {
            target = target is JsonObject item ? item[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
        }

        return target;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"<(script|img|link|iframe|source)\b[^>]*\b(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();

    [GeneratedRegex(@"<script\b[^>]*\bsrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptWithSource();
}
