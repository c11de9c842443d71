using System.Text.Json.Serialization;

namespace Prescriptions.Domain.Patients;

/// <summary>A patient registered with one clinic: the server's id, the clinic's details, and who changed them when.</summary>
public sealed record Patient
{
    private const string IdPrefix = "pat_";
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    public required string Id { get; init; }
    public required string ClinicId { get; init; }
    public string? ExternalId { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? PreferredLanguage { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    /// <summary>Increases by one with every stored change; the strong ETag is made from it.</summary>
    public required int Version { get; init; }

    /// <summary>The strong ETag of this version (a header, not a member of the document).</summary>
    [JsonIgnore]
    public string ETag => $"\"{Version}\"";

    public static string NewId() => $"{IdPrefix}{Guid.CreateVersion7():N}";

    /// <summary>Ids this server made: anything else is not a registered patient (it may be an EHR's patient id).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: 36 } && id.StartsWith(IdPrefix, StringComparison.Ordinal) && !id.AsSpan(IdPrefix.Length).ContainsAnyExcept(HexDigits);

    public static Patient Register(string id, string clinicId, PatientDetails details, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new Patient
        {
            Id = id, ClinicId = clinicId, GivenName = details.GivenName, FamilyName = details.FamilyName,
            CreatedAt = at, CreatedBy = by, UpdatedAt = at, UpdatedBy = by, Version = 1,
        }.With(details);
    }

    /// <summary>The details replaced, stamped, one version on.</summary>
    public Patient Update(PatientDetails details, string by, DateTimeOffset at) =>
        With(details) with { UpdatedAt = at, UpdatedBy = by, Version = Version + 1 };

    /// <summary>Every normalized token of the given and family names, for the search index.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> NameTokens => PatientNames.Tokens($"{GivenName} {FamilyName}");

    [JsonIgnore]
    public PatientDetails Details => new(GivenName, FamilyName)
    {
        ExternalId = ExternalId, BirthDate = BirthDate, Email = Email, Phone = Phone, PreferredLanguage = PreferredLanguage,
    };

    private Patient With(PatientDetails details) => this with
    {
        GivenName = details.GivenName, FamilyName = details.FamilyName, ExternalId = details.ExternalId, BirthDate = details.BirthDate,
        Email = details.Email, Phone = details.Phone, PreferredLanguage = details.PreferredLanguage,
    };
}
