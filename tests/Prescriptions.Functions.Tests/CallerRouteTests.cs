using System.Net;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Functions.Tests;

/// <summary>GET /api/me: the caller's roles and the clinics the configuration gives them, so the portal can offer a clinic switcher.</summary>
[Collection(ApiCollection.Name)]
public sealed class CallerRouteTests(ApiFixture fixture)
{
    private ApiHost Api => fixture.Host;

    [Fact]
    public async Task A_therapist_of_several_clinics_is_told_each_of_them()
    {
        // The development issuer maps "clinic-a,clinic-b" to the group configured for exactly those two clinics.
        var token = Api.Token(Roles.Therapist, "clinic-a,clinic-b", "floater");

        var me = await (await Api.SendAsync(HttpMethod.Get, "/api/me", token)).JsonAsync();

        Assert.Equal("floater", me.GetProperty("subject").GetString());
        Assert.Equal("user", me.GetProperty("kind").GetString());
        Assert.Equal(["Therapist"], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(["clinic-a", "clinic-b"], me.GetProperty("clinicIds").EnumerateArray().Select(clinic => clinic.GetString()));
    }

    [Fact]
    public async Task A_partner_app_is_told_its_one_clinic()
    {
        var me = await (await Api.SendAsync(HttpMethod.Get, "/api/me", Api.Token(Roles.Partner, "clinic-b", "partner-b"))).JsonAsync();

        Assert.Equal("app", me.GetProperty("kind").GetString());
        Assert.Equal(["clinic-b"], me.GetProperty("clinicIds").EnumerateArray().Select(clinic => clinic.GetString()));
    }

    [Fact]
    public async Task Without_a_token_the_caller_is_unknown()
    {
        await (await Api.SendAsync(HttpMethod.Get, "/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
