namespace Prescriptions.Domain.Library;

public enum Delivery
{
    /// <summary>The patient does it alone, at home.</summary>
    Home,

    /// <summary>Only with a therapist, in clinic (manual techniques, supervised work).</summary>
    Clinic,
}
