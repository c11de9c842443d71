using Bunit;
using Prescriptions.Portal.Api;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>"Search patients": the API's search by the typed name, its answers listed; an empty search asks for letters.</summary>
public sealed class PatientsPageTests : PortalTestContext
{
    [Fact]
    public void Searching_lists_the_patients_the_api_finds_by_the_typed_name()
    {
        Api.Patients.AddRange(
        [
            new PatientSummary("pt-1", "María José", "Müller", "MRN-1", new DateOnly(1980, 4, 2)),
            new PatientSummary("pt-2", "Ada", "Lovelace", null, null),
        ]);
        var page = Render<PatientsPage>();

        page.Find("#search-patients").Change(" mar ");
        page.Find("form").Submit();

        Assert.Equal(["mar"], Api.Searches);
        var rows = page.FindAll("tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("María José Müller", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("MRN-1", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 Apr 1980", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_search_asks_for_letters_and_calls_nothing()
    {
        var page = Render<PatientsPage>();

        page.Find("form").Submit();

        Assert.Empty(Api.Searches);
        Assert.Contains("first letters", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }
}
