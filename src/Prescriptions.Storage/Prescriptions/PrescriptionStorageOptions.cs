namespace Prescriptions.Storage.Prescriptions;

public sealed class PrescriptionStorageOptions
{
    public const string SectionName = "Prescriptions";

    public string TableName { get; set; } = "prescriptions";
}
