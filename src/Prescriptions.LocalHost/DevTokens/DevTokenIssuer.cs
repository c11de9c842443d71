using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Prescriptions.Domain.Tenancy;
using Prescriptions.Functions.Auth;

namespace Prescriptions.LocalHost.DevTokens;

/// <summary>
/// Issues tokens shaped like Entra ID access tokens (iss, aud, tid, oid/sub, roles, and groups for users or
/// azp/appid for partner apps), signed with an RSA key that lives only in this process. Clinics are not
/// in the token: the token carries a group or app id that the development configuration maps to the clinic.
/// </summary>
public sealed class DevTokenIssuer : IDisposable
{
    private readonly RSA rsa;
    private readonly IOptions<DevTokenOptions> options;
    private readonly IConfiguration configuration;
    private readonly IOptionsMonitor<TenancyOptions> tenancy;
    private readonly TimeProvider clock;

    public DevTokenIssuer(IOptions<DevTokenOptions> options, IConfiguration configuration, IOptionsMonitor<TenancyOptions> tenancy, TimeProvider clock)
    {
        this.options = options;
        this.configuration = configuration;
        this.tenancy = tenancy;
        this.clock = clock;
        rsa = RSA.Create(2048);
        SigningKey = new RsaSecurityKey(rsa) { KeyId = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
    }

    public SecurityKey SigningKey { get; }

    public string TenantId => configuration["AzureAd:TenantId"] ?? "common";

    public string Issuer => options.Value.Issuer.Replace("{tenantId}", TenantId, StringComparison.Ordinal);

    /// <summary>The audience the API expects: AzureAd:Audience, else AzureAd:ClientId.</summary>
    public string Audience => configuration["AzureAd:Audience"] ?? configuration["AzureAd:ClientId"] ?? throw new InvalidOperationException("Set AzureAd:ClientId.");

    public int LifetimeSeconds => (int)options.Value.Lifetime.TotalSeconds;

    /// <summary>Checks the request against the roles and the development clinic mapping; the problem names the field.</summary>
    public (string Field, string Message)? Validate(DevTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            return ("role", $"must be one of {string.Join(", ", Roles.All)}");
        }

        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > 128)
        {
            return ("subject", "is required (1-128 characters)");
        }

        if (string.IsNullOrWhiteSpace(request.ClinicId) || FindMappingKey(request.Role, request.ClinicId) is null)
        {
            return ("clinicId", "is not a clinic of the development configuration (Tenancy:GroupClinics / Tenancy:AppClinics)");
        }

        return null;
    }

    /// <summary>A token for a valid request; <paramref name="adjust"/> lets tests change claims or times.</summary>
    public string Issue(DevTokenRequest request, Action<SecurityTokenDescriptor>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = request.Role!;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [EntraClaims.TenantId] = TenantId,
            [EntraClaims.ObjectId] = request.Subject!,
            [EntraClaims.Subject] = request.Subject!,
            [EntraClaims.Roles] = new[] { role },
            ["ver"] = "2.0",
        };
        var mapped = FindMappingKey(role, request.ClinicId!) ?? string.Empty;
        if (role == Roles.Partner)
        {
            claims[EntraClaims.AuthorizedParty] = mapped;
            claims[EntraClaims.AppId] = mapped;
            claims[EntraClaims.IdentityType] = "app";
        }
        else
        {
            claims[EntraClaims.Name] = request.Subject!;
            claims[EntraClaims.Groups] = new[] { mapped };
            claims[EntraClaims.Scope] = "access_as_user";
            claims[EntraClaims.AuthorizedParty] = "prescriptions-portal-dev";
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(options.Value.Lifetime),
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        adjust?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose() => rsa.Dispose();

    /// <summary>
    /// The group (users) or app id (partners) that the development configuration maps to the clinic; a list such as
    /// "clinic-a,clinic-b" takes the group mapped to exactly those clinics (a therapist of several clinics).
    /// </summary>
    private string? FindMappingKey(string role, string clinicId)
    {
        var map = role == Roles.Partner ? tenancy.CurrentValue.AppClinics : tenancy.CurrentValue.GroupClinics;
        var wanted = TenancyOptions.Split(clinicId).ToHashSet(StringComparer.Ordinal);
        bool Fits(string mapped) => wanted.Count == 1
            ? TenancyOptions.Split(mapped).Contains(wanted.First(), StringComparer.Ordinal)
            : wanted.SetEquals(TenancyOptions.Split(mapped));
        return map.Where(pair => Fits(pair.Value))
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
