using Prescriptions.Domain.Patients;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Patients;

/// <summary>
/// A follow-up for a registered patient takes what the request left out from the patient: the email (an empty one
/// stands for "not given") the first name the messages greet them with, and the language they are written in.
/// </summary>
public static class RegisteredPatientContact
{
    public static FollowUp Complete(FollowUp followUp, Patient patient)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(patient);
        return followUp with
        {
            Email = followUp.Email.Length == 0 ? patient.Email ?? string.Empty : followUp.Email,
            FirstName = followUp.FirstName ?? patient.GivenName,
            PreferredLanguage = followUp.PreferredLanguage ?? patient.PreferredLanguage,
        };
    }
}
