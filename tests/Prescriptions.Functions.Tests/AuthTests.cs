using System.Net;
using System.Net.Http.Json;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/api/conditions");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a", adjust: d =>
        {
            d.IssuedAt = DateTime.UtcNow.AddHours(-3);
            d.NotBefore = DateTime.UtcNow.AddHours(-3);
            d.Expires = DateTime.UtcNow.AddHours(-2);
        });

        var response = await Api.SendAsync(HttpMethod.Get, "/api/conditions", token);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-120, HttpStatusCode.Unauthorized)] // the library's default 5-minute skew accepted this one
    [InlineData(-45, HttpStatusCode.Unauthorized)]
    [InlineData(-10, HttpStatusCode.OK)] // within the 30 s allowance for clock differences
    [InlineData(60, HttpStatusCode.OK)]
    public async Task Expiry_is_judged_with_a_30_second_clock_skew(int expiresInSeconds, HttpStatusCode expected)
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Auth.BearerTokenPolicy.ClockSkew);
        var token = Api.Token(Roles.Therapist, "clinic-a", adjust: d =>
        {
            d.IssuedAt = DateTime.UtcNow.AddMinutes(-30);
            d.NotBefore = DateTime.UtcNow.AddMinutes(-30);
            d.Expires = DateTime.UtcNow.AddSeconds(expiresInSeconds);
        });

        var response = await Api.SendAsync(HttpMethod.Get, "/api/conditions", token);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a", adjust: d => d.Audience = "api://someone-else");

        await (await Api.SendAsync(HttpMethod.Get, "/api/conditions", token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a", adjust: d => d.Issuer = "https://login.microsoftonline.com/7d3c2a10-0000-4000-8000-00000000a001/v2.0");

        await (await Api.SendAsync(HttpMethod.Get, "/api/conditions", token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var foreignKey = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa) { KeyId = Api.Tokens.SigningKey.KeyId };
        var token = Api.Token(Roles.Therapist, "clinic-a", adjust: d =>
            d.SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(foreignKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));

        await (await Api.SendAsync(HttpMethod.Get, "/api/conditions", token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_is_401()
    {
        var token = Api.Token(Roles.LibraryEditor, "clinic-a");
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("LibraryEditor", "Therapist", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", forged, Requests.Create())).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_token_without_the_role_is_403()
    {
        var token = Api.Token(Roles.LibraryEditor, "clinic-a");

        var problem = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, Requests.Create())).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("Therapist", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_roles_is_rejected()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a", adjust: d => d.Claims.Remove("roles"));

        var response = await Api.SendAsync(HttpMethod.Get, "/api/conditions", token);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{response.StatusCode}");
        await response.AssertProblemAsync(response.StatusCode);
    }

    [Fact]
    public async Task Another_clinics_prescription_is_404_for_therapists_and_partners()
    {
        var created = await (await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", Api.Token(Roles.Therapist, "clinic-a"), Requests.Create()))
            .JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();

        var otherTherapist = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", Api.Token(Roles.Therapist, "clinic-b"));
        var otherPartner = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", Api.Token(Roles.Partner, "clinic-b", "partner-b"));
        var samePartner = await Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", Api.Token(Roles.Partner, "clinic-a", "partner-a"));

        await otherTherapist.AssertProblemAsync(HttpStatusCode.NotFound);
        await otherPartner.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, samePartner.StatusCode);
    }

    [Fact]
    public async Task Clinics_come_from_configuration_not_from_the_request()
    {
        var token = Api.Token(Roles.Therapist, "clinic-a");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/prescriptions", token, new
        {
            patientId = "p-1",
            clinicId = "clinic-b",
            conditionId = "lateral-ankle-sprain",
            phase = 1,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotEmpty(problem.ErrorsFor("clinicId"));
    }

    [Fact]
    public async Task The_dev_token_endpoint_issues_an_entra_shaped_token()
    {
        var response = await Api.Client.PostAsJsonAsync("/dev/token", new { role = "Therapist", clinicId = "clinic-a", subject = "therapist-1" });

        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(body.GetProperty("accessToken").GetString());
        Assert.Equal(Api.Tokens.Issuer, jwt.Issuer);
        Assert.Equal("api://prescriptions-local", jwt.Audiences.Single());
        Assert.Equal("therapist-1", jwt.GetClaim("oid").Value);
        Assert.Equal("Therapist", jwt.GetClaim("roles").Value);
        Assert.False(string.IsNullOrEmpty(jwt.GetClaim("tid").Value));
        Assert.False(string.IsNullOrEmpty(jwt.GetClaim("groups").Value));
        var conditions = await Api.SendAsync(HttpMethod.Get, "/api/conditions", body.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, conditions.StatusCode);
    }

    [Fact]
    public async Task A_partner_dev_token_carries_the_app_id_not_groups()
    {
        var body = await (await Api.Client.PostAsJsonAsync("/dev/token", new { role = "Partner", clinicId = "clinic-b", subject = "ehr-b" })).JsonAsync();

        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(body.GetProperty("accessToken").GetString());
        Assert.False(string.IsNullOrEmpty(jwt.GetClaim("azp").Value));
        Assert.Equal(jwt.GetClaim("azp").Value, jwt.GetClaim("appid").Value);
        Assert.False(jwt.TryGetClaim("groups", out _));
    }

    [Theory]
    [InlineData("Admin", "clinic-a", "role")]
    [InlineData("Therapist", "clinic-z", "clinicId")]
    [InlineData("Therapist", "clinic-a", "subject")]
    public async Task The_dev_token_endpoint_names_the_bad_field(string role, string clinicId, string field)
    {
        var subject = field == "subject" ? "" : "someone";

        var response = await Api.Client.PostAsJsonAsync("/dev/token", new { role, clinicId, subject });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }
}
