using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests.FollowUps;

/// <summary>
/// Follow-ups as a patient and a partner meet them: Azurite, a real maildev, the local host's admin route for the
/// timers, a real webhook receiver.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class FollowUpEndToEndTests(ApiFixture fixture)
{
    private const string PublicBase = "https://rx.example.org";

    [Fact]
    public async Task One_welcome_email_and_a_painful_check_in_through_its_link_raises_a_signed_alert()
    {
        await using var maildev = await MaildevServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0);
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, fakeNow: null,
            "--Smtp:Host=127.0.0.1", $"--Smtp:Port={maildev.SmtpPort}", "--Smtp:Security=None",
            $"--FollowUps:PublicBaseUrl={PublicBase}",
            $"--Webhooks:Partners:ehr-a:AppId={WebhookDeliveryTests.ClinicAPartnerApp}",
            $"--Webhooks:Partners:ehr-a:Url={receiver.Url}",
            $"--Webhooks:Partners:ehr-a:Secret={WebhookDeliveryTests.Secret}",
            "--Webhooks:Partners:ehr-a:Events=alert.raised,checkin.received",
            "--FollowUps:ClinicAlertEmails:clinic-a=alerts@clinic-a.example");
        var (id, _) = await host.CreateAndActivateAsync(FollowUpHost.FollowUpRequest("p-e2e"));

        await host.RunFunctionAsync("SendFollowUps");
        await host.RunFunctionAsync("SendFollowUps");

        using var mail = new HttpClient { BaseAddress = maildev.ApiBase };
        var emails = await WaitForEmailsAsync(mail, 1);
        var welcome = Assert.Single(emails.EnumerateArray());
        Assert.Equal("Your home exercise programme is ready", welcome.GetProperty("subject").GetString());
        Assert.Equal("p-e2e@example.org", welcome.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Matches("^<msg_[0-9a-f]{24}@prescriptions>$", welcome.GetProperty("headers").GetProperty("message-id").GetString());
        var source = await mail.GetStringAsync(new Uri($"api/email/{welcome.GetProperty("id").GetString()}/source", UriKind.Relative));
        Assert.Matches($@"(?m)^List-Unsubscribe:\s+<{Regex.Escape(PublicBase)}/api/checkin/[^>]+/optout>", source);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", source, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Content-Language: en\r?$", source);
        var text = welcome.GetProperty("text").GetString()!;
        var html = welcome.GetProperty("html").GetString()!;
        Assert.Contains("Hello Ana,", text, StringComparison.Ordinal);
        Assert.Contains("Hello Ana,", html, StringComparison.Ordinal);

        // Nothing clinical in an email: not the condition, not an exercise, not the patient id.
        Assert.DoesNotContain("ankle", text + html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("p-e2e", text.Replace("p-e2e@example.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var link = new Uri(CheckInLink().Match(text).Value);
        Assert.Equal(new Uri(PublicBase).Authority, link.Authority);
        using var form = await host.Api.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", form.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await form.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"painNow\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Replace(PublicBase, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        using var submitted = await host.Api.Client.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["completedSessions"] = "1",
            ["painNow"] = "8",
            ["painDuringExercise"] = "6",
            ["difficulty"] = "tooHard",
            ["comment"] = "It hurt today.",
        }));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("Thank you", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var summary = await host.GetAsync($"/api/prescriptions/{id}/checkins");
        var stored = Assert.Single(summary.GetProperty("checkIns").EnumerateArray());
        Assert.Equal((8, 6, "tooHard"), (stored.GetProperty("painNow").GetInt32(), stored.GetProperty("painDuringExercise").GetInt32(), stored.GetProperty("difficulty").GetString()));
        Assert.Contains(summary.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "highPain");

        for (var sweep = 0; sweep < 5 && !receiver.Received.Any(r => Type(r) == EventTypes.AlertRaised); sweep++)
        {
            await host.RunFunctionAsync("DeliverWebhooks");
        }

        var alert = Assert.Single(receiver.Received, r => Type(r) == EventTypes.AlertRaised);
        WebhookDeliveryTests.AssertSigned(alert);
        var data = JsonDocument.Parse(alert.Body).RootElement.GetProperty("data");
        Assert.Equal(id, data.GetProperty("prescriptionId").GetString());
        Assert.Equal("highPain", data.GetProperty("alert").GetProperty("kind").GetString());
        Assert.Single(receiver.Received, r => Type(r) == EventTypes.CheckInReceived);

        // The clinic's alert address hears of it too, without the patient's answers.
        var clinicMail = Assert.Single((await WaitForEmailsAsync(mail, 2)).EnumerateArray(), e => e.GetProperty("to")[0].GetProperty("address").GetString() == "alerts@clinic-a.example");
        Assert.Equal("High pain reported: patient p-e2e", clinicMail.GetProperty("subject").GetString());
        Assert.Contains($"http://127.0.0.1:7071/patients/p-e2e", clinicMail.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("8", clinicMail.GetProperty("text").GetString()!.Replace(id, string.Empty, StringComparison.Ordinal).Replace("127.0.0.1:7071", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForEmailsAsync(HttpClient mail, int count)
    {
        // maildev stores a message a moment after SMTP accepts it: wait for the count, then long enough for one more to show.
        for (var i = 0; i < 50; i++)
        {
            var list = JsonDocument.Parse(await mail.GetStringAsync(new Uri("api/email", UriKind.Relative))).RootElement;
            if (list.GetArrayLength() >= count)
            {
                await Task.Delay(500);
                return JsonDocument.Parse(await mail.GetStringAsync(new Uri("api/email", UriKind.Relative))).RootElement;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No email arrived at maildev.");
    }

    private static string? Type(ReceivedWebhook delivery) => JsonDocument.Parse(delivery.Body).RootElement.GetProperty("type").GetString();

    [GeneratedRegex(@"https://rx\.example\.org/api/checkin/[A-Za-z0-9_\-.%]+(?=\s)")]
    private static partial Regex CheckInLink();
}
