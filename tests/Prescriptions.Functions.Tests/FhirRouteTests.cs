using System.Net;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Fhir;
using Xunit.Abstractions;
using R4 = Hl7.Fhir.Model;

namespace Prescriptions.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class FhirRouteTests(ApiFixture fixture, ITestOutputHelper output)
{
    private ApiHost Api => fixture.Host;

    [Fact]
    public async Task A_prescription_reads_as_a_valid_FHIR_bundle_with_one_service_request_per_item()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a", "therapist-fhir");
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, new
        {
            patientId = "p-fhir-route",
            conditionId = "lateral-ankle-sprain",
            phase = 2,
            side = "left",
            startDate = "2026-11-24",
            weeks = 6,
            externalId = "EHR-FHIR-1",
        })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();

        var response = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/fhir", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, parameter => parameter.Name == "fhirVersion" && parameter.Value == "4.0");
        var json = await response.Content.ReadAsStringAsync();
        var bundle = FhirJson.Deserialize<R4.Bundle>(json);
        var errors = FhirValidation.ValidateAndReport(bundle, output);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(error => error.Describe())));
        var requests = bundle.Entry.Select(entry => entry.Resource).OfType<R4.ServiceRequest>().ToList();
        Assert.Equal(created.GetProperty("items").GetArrayLength(), requests.Count);
        Assert.Equal(
            created.GetProperty("items").EnumerateArray().Select(item => FhirUrls.ActivityDefinition(item.GetProperty("exerciseId").GetString()!)),
            requests.Select(request => request.InstantiatesCanonical.Single()!.Split('|')[0]));
        var carePlan = bundle.Entry.Select(entry => entry.Resource).OfType<R4.CarePlan>().Single();
        Assert.Equal(R4.RequestStatus.Draft, carePlan.Status);
        Assert.Contains(carePlan.Identifier, identifier => identifier.Value == id);

        var again = await (await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/fhir", Api.Token(Roles.Partner, "clinic-a", "ehr-a"))).Content.ReadAsStringAsync();
        Assert.Equal(json, again);
    }

    [Fact]
    public async Task Another_clinic_gets_404_and_no_token_gets_401()
    {
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Api.Token(Roles.Therapist, "clinic-a"), Requests.Create("p-fhir-tenancy"))).JsonAsync(HttpStatusCode.Created);
        var route = $"/api/prescriptions/{created.GetProperty("id").GetString()}/fhir";

        await (await Api.SendAsync(HttpMethod.Get, route, Api.Token(Roles.Therapist, "clinic-b"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Api.SendAsync(HttpMethod.Get, route)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
