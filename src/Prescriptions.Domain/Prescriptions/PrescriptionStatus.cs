namespace Prescriptions.Domain.Prescriptions;

public enum PrescriptionStatus
{
    Draft,
    Active,
    Completed,
    Cancelled,
}
