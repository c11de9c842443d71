using Microsoft.Extensions.Localization;

namespace Prescriptions.Application.Language;

/// <summary>Hands out the patient texts in a patient's language (<see cref="PatientLanguage.CultureFor"/>), English when we do not ship theirs.</summary>
public sealed class PatientWording(IStringLocalizer<PatientTexts> localizer)
{
    public PatientWords In(string? language) => new(localizer, PatientLanguage.CultureFor(language));
}
