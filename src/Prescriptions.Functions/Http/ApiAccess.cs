namespace Prescriptions.Functions.Http;

/// <summary>Who may call a route: anyone, or a bearer token with one of the given roles.</summary>
public sealed record ApiAccess(bool Anonymous, IReadOnlyList<string> AnyOfRoles)
{
    public static ApiAccess Public { get; } = new(true, []);

    /// <summary>Therapists and partner apps: assemble, create and manage prescriptions of their clinics.</summary>
    public static ApiAccess Prescribers { get; } = Roles(Domain.Tenancy.Roles.Therapist, Domain.Tenancy.Roles.Partner);

    /// <summary>Every role reads the library.</summary>
    public static ApiAccess LibraryReaders { get; } = Roles(Domain.Tenancy.Roles.Therapist, Domain.Tenancy.Roles.Partner, Domain.Tenancy.Roles.LibraryEditor);

    public static ApiAccess LibraryEditors { get; } = Roles(Domain.Tenancy.Roles.LibraryEditor);

    public static ApiAccess Roles(params string[] roles) => new(false, roles);
}
