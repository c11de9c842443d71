using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Prescriptions.LocalHost.DevTokens;

namespace Prescriptions.Functions.Tests;

/// <summary>The development issuer exists only in the local host in Development.</summary>
public sealed class DevTokenEnvironmentTests
{
    [Fact]
    public async Task Outside_development_there_is_no_token_route_and_no_trust_in_the_dev_issuer()
    {
        await using var api = await ApiHost.StartAsync(
            "UseDevelopmentStorage=true",
            null,
            "--environment=Production",
            "--AzureAd:Instance=https://login.microsoftonline.com/",
            "--AzureAd:TenantId=7d3c2a10-0000-4000-8000-00000000a001",
            "--AzureAd:ClientId=5b0e6f3c-0000-4000-8000-00000000a002");

        var response = await api.Client.PostAsJsonAsync("/dev/token", new { role = "Therapist", clinicId = "clinic-a", subject = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(api.Services.GetService<DevTokenIssuer>());
        var bearer = api.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        Assert.DoesNotContain("dev-issuer", bearer.Authority ?? string.Empty, StringComparison.Ordinal);
        Assert.Null(bearer.TokenValidationParameters.ValidIssuer);
    }
}
