namespace Prescriptions.Domain.Tenancy;

/// <summary>The app roles of the API, as they appear in a token's <c>roles</c> claim.</summary>
public static class Roles
{
    public const string Therapist = "Therapist";
    public const string Partner = "Partner";
    public const string LibraryEditor = "LibraryEditor";

    public static IReadOnlyList<string> All { get; } = [Therapist, Partner, LibraryEditor];
}
