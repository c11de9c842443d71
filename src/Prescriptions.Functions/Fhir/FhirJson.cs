using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Prescriptions.Functions.Fhir;

/// <summary>FHIR JSON with the SDK's System.Text.Json converters (the FHIR rules for primitives, choice types and extensions).</summary>
public static class FhirJson
{
    public const string ContentType = "application/fhir+json; fhirVersion=4.0";

    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);

    public static T Deserialize<T>(string json)
        where T : Resource =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"No {typeof(T).Name} in the JSON.");
}
