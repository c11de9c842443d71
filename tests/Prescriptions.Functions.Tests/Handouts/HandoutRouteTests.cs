using System.Net;
using System.Net.Http.Headers;
using Prescriptions.Application.FollowUps;
using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Handouts;

namespace Prescriptions.Functions.Tests.Handouts;

/// <summary>GET /api/prescriptions/{id}/handout over HTTP: the PDF, its paper, its headers, the check-in code, and who may read it.</summary>
[Collection(ApiCollection.Name)]
public sealed class HandoutRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    private string Therapist => Api.Token(Roles.Therapist, "clinic-a", "therapist-handout");

    private async Task<(string Id, System.Text.Json.JsonElement Created)> CreateActiveAsync(string patientId)
    {
        using var created = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Therapist, new
        {
            patientId,
            conditionId = "lateral-ankle-sprain",
            phase = 2,
            side = "left",
            startDate = "2026-11-24",
            weeks = 6,
            constraints = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 4 },
            followUp = new { email = $"{patientId}@example.org", timeZone = "Europe/Berlin", reminderTime = "18:00", checkInEveryDays = 7, firstName = "Mia" },
        });
        var body = await created.JsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString()!;
        using var activate = ApiHost.Request(HttpMethod.Post, $"/api/prescriptions/{id}/activate", Therapist);
        activate.Headers.IfMatch.Add(created.Headers.ETag!);
        using var activated = await Api.Client.SendAsync(activate);
        await activated.JsonAsync();
        return (id, body);
    }

    [Fact]
    public async Task The_handout_is_an_inline_A4_PDF_with_the_patients_exercises_and_a_code_that_opens_the_check_in_page()
    {
        var (id, created) = await CreateActiveAsync("p-handout");

        using var response = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/handout", Therapist);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"inline; filename=\"exercise-handout-{id}.pdf\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        var pdf = PdfPages.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.All(pdf.Pages, page => Assert.Equal((595.0, 842.0), (page.Width, page.Height)));
        Assert.True(pdf.Contains("For Mia"));
        // The test host names no clinic: the handout says so neutrally rather than printing an id.
        Assert.True(pdf.Contains("Your physiotherapy clinic") && !pdf.Contains("clinic-a"));
        Assert.All(created.GetProperty("items").EnumerateArray(), item => Assert.True(pdf.Contains(item.GetProperty("name").GetString()!)));
        Assert.True(pdf.Contains("Stop and call us if:"));

        // The address printed under the code is the last thing drawn on its page before the page number.
        var last = pdf.Pages[^1];
        var footer = PdfPages.Compact($"Page {last.Number} of {pdf.Pages.Count}");
        var text = last.Text[..^footer.Length];
        var link = new Uri(text[text.LastIndexOf("http", StringComparison.Ordinal)..]);
        Assert.Equal(HandoutQrCodeTests.DarkRuns(HandoutQrCode.Modules(link)) + 1, last.FilledPaths);
        var (status, claims) = Api.Services.GetRequiredService<CheckInLinks>().Read(Uri.UnescapeDataString(link.Segments[^1]), DateTimeOffset.UtcNow);
        Assert.Equal(CheckInTokenStatus.Valid, status);
        Assert.Equal(("clinic-a", id), (claims!.ClinicId, claims.PrescriptionId));
        using var page = await Api.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Paper_letter_prints_US_Letter_and_any_other_paper_is_400_naming_the_allowed_words()
    {
        var (id, _) = await CreateActiveAsync("p-handout-paper");

        using var letter = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/handout?paper=letter", Therapist);
        using var a4 = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/handout?paper=a4", Therapist);
        using var bad = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/handout?paper=legal", Therapist);

        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.All(PdfPages.Read(await letter.Content.ReadAsByteArrayAsync()).Pages, page => Assert.Equal((612.0, 792.0), (page.Width, page.Height)));
        Assert.All(PdfPages.Read(await a4.Content.ReadAsByteArrayAsync()).Pages, page => Assert.Equal((595.0, 842.0), (page.Width, page.Height)));
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["must be one of a4, letter"], problem.ErrorsFor("paper"));
    }

    [Fact]
    public async Task Therapists_and_partners_of_the_clinic_read_it_another_clinic_gets_404_others_401_or_403()
    {
        var (id, _) = await CreateActiveAsync("p-handout-auth");
        var route = $"/api/prescriptions/{id}/handout";

        using var partner = await Api.SendAsync(HttpMethod.Get, route, Api.Token(Roles.Partner, "clinic-a", "ehr-a"));
        using var otherClinic = await Api.SendAsync(HttpMethod.Get, route, Api.Token(Roles.Therapist, "clinic-b"));
        using var unknown = await Api.SendAsync(HttpMethod.Get, "/api/prescriptions/rx-unknown/handout", Therapist);
        using var editor = await Api.SendAsync(HttpMethod.Get, route, Api.Token(Roles.LibraryEditor, "clinic-a"));
        using var anonymous = await Api.SendAsync(HttpMethod.Get, route);

        Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
        Assert.Equal(MediaTypeHeaderValue.Parse("application/pdf").MediaType, partner.Content.Headers.ContentType?.MediaType);
        await otherClinic.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await editor.AssertProblemAsync(HttpStatusCode.Forbidden);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
