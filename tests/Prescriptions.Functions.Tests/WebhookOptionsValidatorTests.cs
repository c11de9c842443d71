using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Webhooks;
using Prescriptions.Functions.Auth;
using Prescriptions.Functions.Webhooks;

namespace Prescriptions.Functions.Tests;

public sealed class WebhookOptionsValidatorTests
{
    private const string AppId = "app-a";
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Theory]
    [InlineData("https://ehr.example.com/hooks", "Production", true)]
    [InlineData("http://ehr.example.com/hooks", "Production", false)]
    [InlineData("http://ehr.example.com/hooks", "Development", false)]
    [InlineData("http://127.0.0.1:5000/hooks", "Development", true)]
    [InlineData("http://localhost:5000/hooks", "Development", true)]
    [InlineData("http://127.0.0.1:5000/hooks", "Production", false)]
    [InlineData("ftp://ehr.example.com/hooks", "Development", false)]
    [InlineData("/hooks", "Development", false)]
    public void Only_https_or_loopback_http_in_development_is_accepted(string url, string environment, bool accepted)
    {
        var result = Validate(environment, new WebhookPartnerOptions { AppId = AppId, Url = url, Secret = Secret });

        Assert.True(accepted == result.Succeeded, result.FailureMessage);
        if (!accepted)
        {
            Assert.Contains("Webhooks:Partners:ehr:Url", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("unknown-app", Secret, null, "AppId 'unknown-app' has no clinics")]
    [InlineData(AppId, "whsec_???", null, "Secret is not 'whsec_' followed by base64")]
    [InlineData(AppId, Secret, "prescription.created,prescription.deleted", "unknown types prescription.deleted")]
    public void Partner_mistakes_fail_with_the_setting_named(string appId, string secret, string? events, string problem)
    {
        var result = Validate("Production", new WebhookPartnerOptions { AppId = appId, Url = "https://ehr.example.com/hooks", Secret = secret, Events = events });

        Assert.True(result.Failed);
        Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(240, false)]
    public void A_lanes_idle_grace_is_at_least_zero_and_shorter_than_a_sweeps_time_budget(int seconds, bool accepted)
    {
        var result = Validate("Production", new WebhookPartnerOptions { AppId = AppId, Url = "https://ehr.example.com/hooks", Secret = Secret }, TimeSpan.FromSeconds(seconds));

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Contains("IdleGrace", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    private static ValidateOptionsResult Validate(string environment, WebhookPartnerOptions partner, TimeSpan? idleGrace = null)
    {
        var tenancy = new TenancyOptions();
        tenancy.AppClinics[AppId] = "clinic-a";
        var validator = new WebhookOptionsValidator(new HostingEnvironment { EnvironmentName = environment }, Options.Create(tenancy));
        var options = new WebhookOptions();
        if (idleGrace is { } grace)
        {
            options.IdleGrace = grace;
        }

        options.Partners["ehr"] = partner;
        return validator.Validate(null, options);
    }
}
