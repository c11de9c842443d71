namespace Prescriptions.Portal.Patients;

/// <summary>One week's bar: its label, percent (null when nothing was prescribed), height in plot units and sessions in words.</summary>
public sealed record AdherenceBar(int Week, string Label, int? Percent, double Height, string Sessions);
