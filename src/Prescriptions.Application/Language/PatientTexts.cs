namespace Prescriptions.Application.Language;

/// <summary>
/// The resource set of every text a patient reads (emails, the programme and check-in pages, the handout):
/// <c>PatientTexts.resx</c> (English) and one <c>PatientTexts.{language}.resx</c> per translation beside this class.
/// </summary>
public sealed class PatientTexts;
