using System.Net;
using System.Text.Json;
using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Tests;

/// <summary>A therapist of several clinics saves a new draft in the clinic the portal acts for; with one clinic the API decides.</summary>
public sealed class NewDraftClinicTests
{
    [Theory]
    [InlineData("clinic-b", "clinic-b")]
    [InlineData(null, null)]
    public async Task A_new_draft_names_the_chosen_clinic_only_when_one_is_chosen(string? chosen, string? sent)
    {
        var handler = new RecordingHandler();
        var api = new PrescriptionsApi(new HttpClient(handler) { BaseAddress = new Uri("https://api.example/api/") }) { ClinicId = chosen };

        await Assert.ThrowsAsync<ApiProblemException>(() => api.SaveNewDraftAsync(
            new ProgramRequest("p-1", "lateral-ankle-sprain", 2, "left", null, null, new ProgramLimits()), items: null, followUp: null));

        using var body = JsonDocument.Parse(handler.Body!);
        Assert.Equal("https://api.example/api/prescriptions", handler.Uri!.ToString());
        Assert.Equal(sent, body.RootElement.TryGetProperty("clinicId", out var clinic) ? clinic.GetString() : null);
    }

    /// <summary>Keeps what was sent and answers 400 (the test reads the request, not the answer).</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public string? Body { get; private set; }

        public Uri? Uri { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }
    }
}
