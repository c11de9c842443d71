using Prescriptions.Domain.Serialization;
using Prescriptions.Functions.Handouts;
using Prescriptions.Functions.OpenApi;

namespace Prescriptions.Functions.Tests.Handouts;

/// <summary>The document describes the handout as the route answers it: the paper words it accepts and a PDF body.</summary>
public sealed class HandoutOpenApiTests
{
    [Fact]
    public void The_paper_enum_is_the_words_the_route_accepts_and_the_answer_is_a_binary_PDF()
    {
        var document = OpenApiDocument.Current.Root;
        var accepted = Enum.GetValues<PaperSize>().Select(paper => System.Text.Json.JsonSerializer.Serialize(paper, DomainJson.Options).Trim('"'));
        var documented = document["components"]!["schemas"]!["PaperSize"]!["enum"]!.AsArray().Select(value => value!.GetValue<string>());
        var ok = document["paths"]!["/api/prescriptions/{prescriptionId}/handout"]!["get"]!["responses"]!["200"]!["content"]!["application/pdf"]!["schema"]!;

        Assert.Equal(accepted, documented);
        Assert.Equal(("string", "binary"), (ok["type"]!.GetValue<string>(), ok["format"]!.GetValue<string>()));
    }
}
