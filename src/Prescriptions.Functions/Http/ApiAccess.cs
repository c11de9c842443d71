namespace Prescriptions.Functions.Http;

/// <summary>Who may call a route: anyone, or a bearer token with one of the given roles.</summary>
public sealed record ApiAccess(bool Anonymous, IReadOnlyList<string> AnyOfRoles)
{
    public static ApiAccess Public { get; } = new(true, []);

    public static ApiAccess Roles(params string[] roles) => new(false, roles);
}
