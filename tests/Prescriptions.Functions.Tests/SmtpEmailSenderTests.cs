using System.Text.Json;
using Microsoft.Extensions.Options;
using Prescriptions.Application.FollowUps;
using Prescriptions.Functions.Email;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests;

/// <summary>The SMTP sender against a real maildev: both parts arrive, with the stable Message-ID.</summary>
public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task A_message_arrives_with_text_and_html_and_its_stable_id()
    {
        await using var maildev = await MaildevServer.StartAsync();
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = maildev.SmtpPort,
            Security = SmtpSecurity.None,
            FromAddress = "no-reply@clinic.example",
        }));
        var message = new EmailMessage("msg_0123456789abcdef", "ana@example.org", "Your exercises today", "Hello Ana, time for your exercises.", "<p>Hello Ana, time for your exercises.</p>");

        await sender.SendAsync(message, CancellationToken.None);

        using var http = new HttpClient { BaseAddress = maildev.ApiBase };
        JsonElement received = default;
        for (var i = 0; i < 50 && received.ValueKind != JsonValueKind.Object; i++)
        {
            var list = JsonDocument.Parse(await http.GetStringAsync("api/email")).RootElement;
            received = list.GetArrayLength() > 0 ? list[0] : default;
            if (received.ValueKind != JsonValueKind.Object)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(received.ValueKind == JsonValueKind.Object, "no email arrived");
        Assert.Equal("Your exercises today", received.GetProperty("subject").GetString());
        Assert.Contains("time for your exercises", received.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("<p>Hello Ana", received.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("ana@example.org", received.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("<msg_0123456789abcdef@prescriptions>", received.GetProperty("headers").GetProperty("message-id").GetString());
        Assert.Equal("no-reply@clinic.example", received.GetProperty("from")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task An_unreachable_relay_fails_loudly_so_the_sweep_can_retry()
    {
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = FreePorts.Next(), Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(5) }));

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new EmailMessage("msg_x", "ana@example.org", "S", "T", "<p>T</p>"), CancellationToken.None));
    }
}
