namespace Prescriptions.Functions.Handouts;

/// <summary>The sheet a handout is printed on: A4 (595 x 842 pt) by default, US Letter (612 x 792 pt) on request.</summary>
public enum PaperSize
{
    A4,
    Letter,
}
