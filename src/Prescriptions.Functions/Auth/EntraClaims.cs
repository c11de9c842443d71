namespace Prescriptions.Functions.Auth;

/// <summary>Claim names of Entra ID access tokens, as they arrive with inbound claim mapping off.</summary>
public static class EntraClaims
{
    public const string ObjectId = "oid";
    public const string Subject = "sub";
    public const string TenantId = "tid";
    public const string Roles = "roles";
    public const string Groups = "groups";
    public const string Scope = "scp";
    public const string AuthorizedParty = "azp";
    public const string AppId = "appid";
    public const string IdentityType = "idtyp";
    public const string Name = "name";

    /// <summary>The long claim names the JWT handler uses when inbound mapping is on.</summary>
    public const string MappedObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public const string MappedScope = "http://schemas.microsoft.com/identity/claims/scope";
}
