using System.Net.Mail;
using System.Text.RegularExpressions;
using Prescriptions.Domain.Patients;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>Checks a patient body field by field; every error names its field and the reason.</summary>
public static partial class PatientRequestValidator
{
    public const int MaxNameLength = 100;

    /// <summary>Parts of one name (split on spaces and hyphens): each is an index row, and a write is one batch of at most 100.</summary>
    public const int MaxNameParts = 8;

    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>The details, or a 400 naming every field in error. <paramref name="today"/> is the clinic's day (UTC).</summary>
    public static PatientDetails ToDetails(PatientBody body, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        CheckName(body.GivenName, "givenName", errors);
        CheckName(body.FamilyName, "familyName", errors);
        PrescriptionRequestValidator.CheckSchedule(null, body.ExternalId, errors);
        if (body.BirthDate is { } birthDate && (birthDate > today || birthDate < EarliestBirthDate))
        {
            errors.Add("birthDate", birthDate > today ? "must not be in the future" : $"must be on or after {EarliestBirthDate:yyyy-MM-dd}");
        }

        if (body.Email is not null && (!MailAddress.TryCreate(body.Email, out var address) || address.Address != body.Email))
        {
            errors.Add("email", "must be an email address");
        }

        if (body.Phone is not null && (!PhonePattern().IsMatch(body.Phone) || body.Phone.Count(char.IsAsciiDigit) < 4))
        {
            errors.Add("phone", "must be a phone number: digits, spaces, ( ) - . and an optional leading +, 4-32 characters");
        }

        if (body.PreferredLanguage is not null && !LanguageTagPattern().IsMatch(body.PreferredLanguage))
        {
            errors.Add("preferredLanguage", "must be a BCP 47 language tag such as en, nb-NO or zh-Hant-TW");
        }

        errors.ThrowIfAny();
        return new PatientDetails(body.GivenName!.Trim(), body.FamilyName!.Trim())
        {
            ExternalId = body.ExternalId, BirthDate = body.BirthDate, Email = body.Email, Phone = body.Phone?.Trim(), PreferredLanguage = body.PreferredLanguage,
        };
    }

    private static void CheckName(string? name, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(field, "is required");
        }
        else if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add(field, $"must be 1-{MaxNameLength} characters without control characters");
        }
        else if (PatientNames.Tokens(name) is { Count: 0 or > MaxNameParts })
        {
            errors.Add(field, $"must hold a letter, in at most {MaxNameParts} parts separated by spaces or hyphens");
        }
    }

    [GeneratedRegex(@"^\+?[0-9 ().\-]{4,32}$")]
    private static partial Regex PhonePattern();

    /// <summary>Whether <paramref name="tag"/> is a well-formed BCP 47 language tag (a patient's, a follow-up's).</summary>
    public static bool IsLanguageTag(string tag) => LanguageTagPattern().IsMatch(tag);

    /// <summary>A well-formed BCP 47 tag: language, then optional script, region, variants (RFC 5646 section 2.1).</summary>
    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$")]
    private static partial Regex LanguageTagPattern();
}
